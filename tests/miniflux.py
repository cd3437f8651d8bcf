"""A real Miniflux on a real PostgreSQL, on loopback ports, for the sync tests and benchmark.

`MinifluxServer.start()` makes a throwaway PostgreSQL cluster (run as the `postgres` user
when we are root: PostgreSQL refuses to run as root), starts the Miniflux binary on it with
an admin account, and `stop()` ends both by their process ids and removes the cluster. Each
test gets its own Miniflux user (`new_account`) with the Google Reader integration turned
on, so tests share one server without seeing each other's feeds. Feeds are served from a
loopback HTTP server (`FeedServer`) that Miniflux is allowed to fetch from
(`FETCHER_ALLOW_PRIVATE_NETWORKS`).
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from feedkit import Item, rss

MINIFLUX_BINARY = Path(
    os.environ.get(
        "TUINEWS_MINIFLUX", str(Path.home() / ".cache" / "tuinews-test" / "miniflux.app")
    )
)
ADMIN = ("admin", "admin-password-1")
START_TIMEOUT = 60.0


class ServerMissing(Exception):
    """What the sync tests need is not installed; the message says what."""


def _postgres_bin() -> Path:
    versions = Path("/usr/lib/postgresql").glob("*/bin")
    for directory in sorted(versions, key=lambda path: path.parent.name, reverse=True):
        if (directory / "initdb").exists():
            return directory
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    raise ServerMissing("PostgreSQL is not installed (apt-get install -y postgresql)")


def missing() -> str | None:
    """Why the server cannot start here, or None."""
    if not MINIFLUX_BINARY.exists():
        return (
            f"Miniflux is not built at {MINIFLUX_BINARY} "
            "(GOBIN=~/.cache/tuinews-test go install miniflux.app/v2@v2.3.5)"
        )
    try:
        _postgres_bin()
    except ServerMissing as error:
        return str(error)
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root, and there is no postgres user to run PostgreSQL as"
    return None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_postgres() -> list[str]:
    """PostgreSQL will not run as root; `setpriv` execs in place, so the pid is the server's."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--reuid=postgres", "--regid=postgres", "--clear-groups", "--"]


def _wait_for(check: Any, what: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited ({process.returncode}): {log.read_text()[-2000:]}")
        if check():
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not start within {START_TIMEOUT:g} s")


@dataclass
class Account:
    """One Miniflux user and the Google Reader login of its integration."""

    user_id: int
    username: str
    password: str
    reader_username: str
    reader_password: str


class MinifluxServer:
    def __init__(self) -> None:
        self.workdir = Path(tempfile.mkdtemp(prefix="tuinews-miniflux-"))
        self.pg_port = free_port()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._postgres: subprocess.Popen[bytes] | None = None
        self._miniflux: subprocess.Popen[bytes] | None = None
        self._names = itertools.count(1)

    # -- processes ---------------------------------------------------------------------

    def start(self) -> None:
        bindir = _postgres_bin()
        data = self.workdir / "pg"
        if os.geteuid() == 0:
            shutil.chown(self.workdir, "postgres", "postgres")
        subprocess.run(
            [
                *_as_postgres(),
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "postgres",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
        )
        log = self.workdir / "postgres.log"
        with log.open("wb") as out:
            self._postgres = subprocess.Popen(
                [
                    *_as_postgres(),
                    str(bindir / "postgres"),
                    "-D",
                    str(data),
                    "-p",
                    str(self.pg_port),
                    "-k",
                    str(self.workdir),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    "fsync=off",
                    "-c",
                    "synchronous_commit=off",
                    "-c",
                    "full_page_writes=off",
                ],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        _wait_for(
            lambda: self._psql("postgres", "SELECT 1", check=False).returncode == 0,
            "PostgreSQL",
            self._postgres,
            log,
        )
        self._psql("postgres", "CREATE DATABASE miniflux")
        self.start_miniflux()
        self._psql("miniflux", "CREATE EXTENSION IF NOT EXISTS pgcrypto")

    def start_miniflux(self) -> None:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{self.pg_port}/miniflux?sslmode=disable",
            "RUN_MIGRATIONS": "1",
            "CREATE_ADMIN": "1",
            "ADMIN_USERNAME": ADMIN[0],
            "ADMIN_PASSWORD": ADMIN[1],
            "LISTEN_ADDR": f"127.0.0.1:{self.port}",
            "BASE_URL": self.url,
            "FETCHER_ALLOW_PRIVATE_NETWORKS": "1",
            # Feeds are refreshed when a test says so, never behind its back.
            "POLLING_FREQUENCY": "100000",
            "CLEANUP_FREQUENCY_HOURS": "100000",
            "LOG_LEVEL": "warning",
        }
        log = self.workdir / "miniflux.log"
        with log.open("ab") as out:
            self._miniflux = subprocess.Popen(
                [str(MINIFLUX_BINARY)], env=env, stdout=out, stderr=subprocess.STDOUT
            )
        _wait_for(self._healthy, "Miniflux", self._miniflux, log)

    def _healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/healthcheck", timeout=2) as answer:
                return answer.status == 200
        except (OSError, urllib.error.URLError):
            return False

    def stop_miniflux(self) -> None:
        _end(self._miniflux)
        self._miniflux = None

    def stop(self) -> None:
        self.stop_miniflux()
        _end(self._postgres, signal.SIGINT)
        self._postgres = None
        shutil.rmtree(self.workdir, ignore_errors=True)

    def _psql(
        self, database: str, sql: str, *, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                "psql",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.pg_port),
                "-U",
                "postgres",
                "-d",
                database,
                "-v",
                "ON_ERROR_STOP=1",
                "-qAt",
                "-c",
                sql,
            ],
            capture_output=True,
            text=True,
            check=check,
        )

    def sql(self, statement: str) -> str:
        return self._psql("miniflux", statement).stdout.strip()

    # -- the REST API, as the server itself sees things ----------------------------------

    def rest(
        self, method: str, path: str, body: Any = None, *, auth: tuple[str, str] = ADMIN
    ) -> Any:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method)
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
        request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=120) as answer:
                text = answer.read()
        except urllib.error.HTTPError as error:
            raise AssertionError(f"{method} {path}: {error.code} {error.read()[:300]!r}") from None
        return json.loads(text) if text.strip() else None

    def new_account(self) -> Account:
        """A fresh user with the Google Reader integration on (SQL: the API has no route)."""
        number = next(self._names)
        name = f"reader{number}-{os.getpid()}"
        password = f"pw-{name}-secret"
        user = self.rest("POST", "/v1/users", {"username": name, "password": password})
        reader = f"g{name}"
        reader_password = f"greader-{name}"
        self.sql(
            "UPDATE integrations SET googlereader_enabled = true, "
            f"googlereader_username = '{reader}', "
            f"googlereader_password = crypt('{reader_password}', gen_salt('bf', 4)) "
            f"WHERE user_id = {int(user['id'])}"
        )
        return Account(int(user["id"]), name, password, reader, reader_password)


def _end(process: subprocess.Popen[bytes] | None, how: int = signal.SIGTERM) -> None:
    """Stop one process we started, by its pid (SIGINT is PostgreSQL's fast shutdown)."""
    if process is None or process.poll() is not None:
        return
    process.send_signal(how)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def story_feed(title: str, slug: str, count: int, body: str) -> bytes:
    """An RSS feed of `count` stories, each with a guid, a link under
    https://news.example/SLUG/ and a date of its own."""
    stories = [
        Item(
            f"{title} story {n}",
            guid=f"{slug}-{n}",
            link=f"https://news.example/{slug}/{n}",
            body=body,
            date=f"Mon, {1 + n % 28:02d} Nov 2026 {n % 24:02d}:{n % 60:02d}:00 GMT",
        )
        for n in range(count)
    ]
    return rss(title, stories)


class FeedServer:
    """Serves whatever bytes the test puts at a path, on a loopback port."""

    def __init__(self) -> None:
        self.documents: dict[str, bytes] = {}
        self.requests = 0
        documents = self.documents
        counter = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                counter.requests += 1
                body = documents.get(self.path.split("?", 1)[0])
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def put(self, path: str, body: bytes) -> str:
        self.documents[path] = body
        return self.url + path

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@contextlib.contextmanager
def running_server() -> Iterator[MinifluxServer]:
    server = MinifluxServer()
    try:
        server.start()
        yield server
    finally:
        server.stop()


class Proxy:
    """A loopback HTTP proxy in front of Miniflux that counts requests by path and, when told,
    answers one request with an error, drops its connection mid-answer, or holds it until the
    test has seen it held (so a client can be killed at a known point)."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream
        self.paths: list[str] = []
        self.fail: dict[str, int] = {}  # path -> status to answer with, once
        self.drop: set[str] = set()  # paths whose next answer is cut off
        self.hold_after: dict[str, int] = {}  # path -> answers given before the rest are held
        self.holding = threading.Event()
        self._release = threading.Event()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _relay(self) -> None:
                path = self.path.split("?", 1)[0]
                proxy.paths.append(path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                if path in proxy.hold_after and proxy.count(path) > proxy.hold_after[path]:
                    proxy.holding.set()
                    proxy._release.wait()
                    self.close_connection = True
                    return
                status = proxy.fail.pop(path, None)
                if status is not None:
                    self._answer(status, b"upstream failure")
                    return
                request = urllib.request.Request(
                    proxy.upstream + self.path, data=body, method=self.command
                )
                for name in ("Authorization", "Content-Type"):
                    if self.headers.get(name):
                        request.add_header(name, self.headers[name])
                try:
                    with urllib.request.urlopen(request, timeout=120) as answer:
                        status, payload = answer.status, answer.read()
                except urllib.error.HTTPError as error:
                    status, payload = error.code, error.read()
                if path in proxy.drop:
                    proxy.drop.discard(path)
                    self.send_response(status)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload[: len(payload) // 2])
                    self.close_connection = True
                    return
                self._answer(status, payload)

            def _answer(self, status: int, payload: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = _relay

            def log_message(self, *args: object) -> None:
                return

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def count(self, suffix: str) -> int:
        return sum(path.endswith(suffix) for path in self.paths)

    def close(self) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()
