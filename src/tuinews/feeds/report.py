"""What a refresh says when it ends: one summary line and a line per feed that needs a look.

The command line and the reader word it the same way, and neither leaves out a feed that
failed or was skipped: a silent skip looks like "nothing new" to the reader.
"""

from __future__ import annotations

from collections.abc import Sequence

from tuinews.feeds.refresh import FeedOutcome
from tuinews.plural import counted

FAILED = ("error", "gone")


def refresh_summary(outcomes: Sequence[FeedOutcome]) -> str:
    """ "3 feeds refreshed, 6 new articles, 1 failed, 1 waiting to retry"."""
    new = sum(outcome.new for outcome in outcomes)
    updated = sum(outcome.updated for outcome in outcomes)
    failed = sum(outcome.status in FAILED for outcome in outcomes)
    waiting = sum(outcome.status == "deferred" for outcome in outcomes)
    gone = sum(outcome.status == "skipped" for outcome in outcomes)
    fetched = len(outcomes) - waiting - gone
    parts = [f"{counted(fetched, 'feed')} refreshed", f"{counted(new, 'new article')}"]
    if updated:
        parts.append(f"{updated:,} updated")
    if failed:
        parts.append(f"{failed:,} failed")
    if waiting:
        parts.append(f"{waiting:,} waiting to retry")
    if gone:
        parts.append(f"{gone:,} gone")
    return ", ".join(parts)


def refresh_problems(outcomes: Sequence[FeedOutcome]) -> list[str]:
    """ "Title: why" for each feed that failed, then each one skipped, by title."""
    ordered = sorted(outcomes, key=lambda outcome: outcome.title.casefold())
    failed = [
        f"{outcome.title}: {outcome.error or 'failed'}"
        for outcome in ordered
        if outcome.status in FAILED
    ]
    skipped = [
        f"{outcome.title}: skipped, {outcome.error or 'waiting to retry'}"
        for outcome in ordered
        if outcome.status in ("deferred", "skipped")
    ]
    return failed + skipped
