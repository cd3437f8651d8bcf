"""The process tree of a command under test, read from /proc: who is left, how much memory."""

from __future__ import annotations

import time
from pathlib import Path

PROC = Path("/proc")


def _status(pid: int) -> dict[str, str]:
    try:
        text = (PROC / str(pid) / "status").read_text()
    except OSError:  # gone between listing and reading
        return {}
    return dict(line.split(":\t", 1) for line in text.splitlines() if ":\t" in line)


def descendants(pid: int) -> set[int]:
    """Every living process started by `pid`, its children's children included."""
    parents: dict[int, int] = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            status = _status(int(entry.name))
            if status and status.get("State", "").strip()[:1] != "Z":
                parents[int(entry.name)] = int(status["PPid"])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pids: set[int]) -> set[int]:
    """The ones still running (a zombie has finished; only its reaping is left)."""
    return {pid for pid in pids if _status(pid).get("State", "Z").strip()[:1] != "Z"}


def wait_until_gone(pids: set[int], bound: float) -> set[int]:
    """Poll until every process in `pids` has ended or `bound` seconds passed; the living."""
    deadline = time.monotonic() + bound
    left = alive(pids)
    while left and time.monotonic() < deadline:
        time.sleep(0.05)
        left = alive(left)
    return left


def tree_rss_kb(pid: int) -> int:
    """Resident memory of `pid` and everything it started, in KB, right now."""
    total = 0
    for member in {pid} | descendants(pid):
        value = _status(member).get("VmRSS", "0 kB").split()[0]
        total += int(value)
    return total
