"""The process tree of a command under test, read from /proc: who is left, how much memory."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from dataclasses import dataclass
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


def tree_peak_rss_kb(pid: int) -> int:
    """The peak resident memory (VmHWM) of `pid` and each living descendant, summed, in KB."""
    total = 0
    for member in {pid} | descendants(pid):
        value = _status(member).get("VmHWM", "0 kB").split()[0]
        total += int(value)
    return total


@dataclass(frozen=True)
class Measured:
    returncode: int
    stdout: bytes
    stderr: bytes
    peak_rss_kb: int


def run_measured(command: list[str], env: dict[str, str], timeout: float) -> Measured:
    """Run `command` to its end (killed past `timeout`, which then raises), sampling the
    peak memory of its process tree from /proc every 20 ms."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    output: dict[str, bytes] = {}
    reader = threading.Thread(
        target=lambda: output.update(zip(("out", "err"), process.communicate(), strict=True))
    )
    reader.start()
    peak = 0
    deadline = time.monotonic() + timeout
    while process.poll() is None:
        peak = max(peak, tree_peak_rss_kb(process.pid))
        if time.monotonic() > deadline:
            process.kill()
            reader.join()
            raise subprocess.TimeoutExpired(command, timeout)
        time.sleep(0.02)
    reader.join()
    return Measured(process.returncode, output["out"], output["err"], peak)


def python_output(script: str) -> str:
    """What the script prints, run in a child process so that a hang fails the test, not CI."""
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout
