"""The reader in a real terminal (a pty): a console browser gets the screen and gives it back."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

from tui_fixtures import sample_db

ENTER_ALT_SCREEN = b"\x1b[?1049h"
LEAVE_ALT_SCREEN = b"\x1b[?1049l"


def _read_until(fd: int, done: callable, budget: float = 30.0) -> bytes:  # type: ignore[valid-type]
    """Read what the app draws until `done(output)`; a bounded wait, never a hang."""
    output = b""
    deadline = time.monotonic() + budget
    while not done(output) and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                output += os.read(fd, 65536)
            except OSError:
                break
    return output


def test_a_console_browser_runs_with_the_app_suspended_and_the_screen_comes_back(
    tmp_path: Path, isolated_env: dict[str, str]
) -> None:
    record = tmp_path / "w3m.json"
    browser = tmp_path / "w3m"
    browser.write_text(
        f"#!{sys.executable}\n"
        "import json, os, sys\n"
        # What a console browser needs: the terminal itself, out of the app's alternate screen.
        f"open({str(record)!r}, 'w').write(json.dumps([sys.argv[1:], os.isatty(0), os.isatty(1)]))\n"
    )
    browser.chmod(0o755)
    config = tmp_path / "config.toml"
    config.write_text(f'[ui]\nbrowser = "{browser} %u"\n')
    db = sample_db(tmp_path)
    primary, secondary = pty.openpty()
    os.set_blocking(primary, False)
    env = {**isolated_env, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    env.pop("DISPLAY", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "tuinews", "--db", str(db), "--config", str(config)],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
        start_new_session=True,
    )
    os.close(secondary)
    try:
        started = _read_until(primary, lambda out: b"Sample edition" in out)
        assert ENTER_ALT_SCREEN in started
        os.write(primary, b"o")

        def resumed(out: bytes) -> bool:
            after = out.rsplit(LEAVE_ALT_SCREEN, 1)
            return len(after) == 2 and ENTER_ALT_SCREEN in after[1] and b"Sample" in after[1]

        output = _read_until(primary, resumed)
        argv, stdin_is_tty, stdout_is_tty = json.loads(record.read_text())
        assert argv == ["https://courier.example/2026/aalegraesset-vender-tilbage"]
        assert stdin_is_tty and stdout_is_tty
        assert resumed(output)  # it left its screen for the browser and came back, redrawn
        os.write(primary, b"q")
        tail = _read_until(primary, lambda out: process.poll() is not None, budget=20)
        assert process.wait(timeout=10) == 0, (output[-2000:], tail[-2000:])
    finally:
        if process.poll() is None:
            process.kill()
        os.close(primary)
