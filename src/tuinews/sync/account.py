"""The account's password, found when a login needs it (a kept token needs none).

`$TUINEWS_SYNC_PASSWORD` wins, then `password_command` (run without a shell, its first
line of output), then `password` in the config file.
"""

from __future__ import annotations

import os
import shlex
import subprocess

from tuinews.config import SyncAccount
from tuinews.sync.greader import SyncError, account_id
from tuinews.untrusted import clean_line

PASSWORD_ENV = "TUINEWS_SYNC_PASSWORD"
COMMAND_TIMEOUT = 60


def account_key(account: SyncAccount) -> str:
    """What a kept token belongs to: another server or user needs its own login."""
    return account_id(account.username, account.url)


def password(account: SyncAccount) -> str:
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    if account.password_command:
        return _run_password_command(account.password_command)
    if account.password:
        return account.password
    raise SyncError(
        f"no password for {account.username!r}: set [sync] password or password_command "
        f"in the config file, or ${PASSWORD_ENV}"
    )


def _run_password_command(command: str) -> str:
    try:
        done = subprocess.run(
            shlex.split(command),
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT,
            check=False,
        )
    except (OSError, ValueError) as error:
        raise SyncError(f"password_command {command!r} could not run: {error}") from None
    except subprocess.TimeoutExpired:
        raise SyncError(
            f"password_command {command!r} gave no password within {COMMAND_TIMEOUT} s"
        ) from None
    lines = done.stdout.splitlines()
    if done.returncode != 0 or not lines or not lines[0]:
        problem = clean_line(done.stderr.strip().splitlines()[0]) if done.stderr.strip() else ""
        raise SyncError(
            f"password_command {command!r} failed (exit {done.returncode})"
            + (f": {problem}" if problem else "")
        )
    return lines[0]
