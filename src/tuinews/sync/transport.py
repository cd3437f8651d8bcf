"""The sync client's HTTP: `tuinews.http.Downloader`, driven from synchronous code.

The Google Reader client is synchronous (the command line runs it, the TUI runs it in a
worker thread, and its pull fetches from a thread of its own), while every download goes
through the asynchronous `Downloader`. One event loop on a thread of its own runs the
downloader for the whole sync, so its connection is kept alive from request to request.
A request that got no answer is a `TransportError` with the downloader's one-line reason.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar
from urllib.parse import urlsplit

from tuinews.http import Downloader, Response

# A sync waits on big answers (250 items with their HTML) from servers that may be slow.
TIMEOUT = 60.0
MAX_BYTES = 64 * 1024 * 1024

Form = list[tuple[str, str]]
T = TypeVar("T")


class TransportError(Exception):
    """The request got no answer (refused, timed out, dropped); one line."""


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes


class Transport(Protocol):
    def get(self, url: str, params: Form, headers: dict[str, str]) -> Answer: ...

    def post(self, url: str, form: Form, headers: dict[str, str]) -> Answer: ...

    def close(self) -> None: ...


def _fields(form: Form) -> dict[str, list[str]]:
    """Repeated keys (`i=…&i=…`) as the downloader takes them."""
    fields: dict[str, list[str]] = {}
    for key, value in form:
        fields.setdefault(key, []).append(value)
    return fields


class DownloaderTransport:
    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="tuinews-sync-http", daemon=True
        )
        self._thread.start()
        self._downloader = self._run(self._open())

    async def _open(self) -> Downloader:
        return Downloader(timeout=TIMEOUT, max_bytes=MAX_BYTES, connections=2)

    def _run(self, job: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(job, self._loop).result()

    def _answer(self, url: str, response: Response) -> Answer:
        if response.status is None:
            host = urlsplit(url).netloc or url
            raise TransportError(f"{host}: {response.error or 'no answer'}")
        return Answer(response.status, response.content or b"")

    def get(self, url: str, params: Form, headers: dict[str, str]) -> Answer:
        response = self._run(
            self._downloader.request("GET", url, headers=headers, params=_fields(params))
        )
        return self._answer(url, response)

    def post(self, url: str, form: Form, headers: dict[str, str]) -> Answer:
        response = self._run(
            self._downloader.request("POST", url, headers=headers, data=_fields(form))
        )
        return self._answer(url, response)

    def close(self) -> None:
        try:
            self._run(self._downloader.__aexit__(None, None, None))
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
            self._loop.close()
