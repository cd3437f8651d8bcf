"""Every download tuinews makes: feeds, web pages, sync servers all go through `Downloader`.

One place decides what a request looks like (a User-Agent that says who we are, an Accept
header, conditional GET), what bounds it (connect and total time, a size cap counted on
decoded bytes so a small compressed body cannot inflate past it, at most a few redirects,
each followed by hand so that only http(s) targets are visited and a subscription moves only
when every hop says the move is permanent) and how each failure reads: one line a user can
act on, never an exception. A fix to downloading is made here, once.
"""

from __future__ import annotations

import asyncio
import re
import ssl
from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, AsyncExitStack
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

import httpx

from tuinews import __version__
from tuinews.inflate import ACCEPT_ENCODING, BodyDecoder, DecodeError
from tuinews.untrusted import clean_line
from tuinews.urls import address_problem

USER_AGENT = f"tuinews/{__version__} (terminal newsreader; +https://github.com/tuinews/tuinews)"
MAX_REDIRECTS = 5
MAX_BYTES = 10 * 1024 * 1024
TIMEOUT = 20.0
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})
_DRAIN_LIMIT = 64 * 1024
# Retry-After beyond this is nonsense (and 999999999999 s overflows a datetime); the
# refresh clamps it further, to its configured `max_retry_after`.
RETRY_AFTER_CEILING = timedelta(days=365)
ERROR_LIMIT = 300
# How long a request may wait for its turn (the caller's per-host and global limits)
# before it is sent, as a multiple of the timeout that starts when it is sent.
QUEUE_TIMEOUTS = 30
_BYTES_REPR = re.compile(r":?\s*(?:bytearray\()?b(['\"]).*?\1\)?")

FormData = Mapping[str, str | Sequence[str]]
Gate = Callable[[str], AbstractAsyncContextManager[object]]


@dataclass(frozen=True)
class Response:
    """What one download came to; `error` is set (and `content` is None) when it failed."""

    url: str
    status: int | None = None
    content: bytes | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None
    retry_at: datetime | None = None
    error: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def retry_at(value: str | None, now: datetime) -> datetime | None:
    """Retry-After as a moment: it is either a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        # A string of digits too long to be seconds (or for int()) is the ceiling too.
        seconds = int(value) if len(value) <= 12 else RETRY_AFTER_CEILING.total_seconds()
        return now + min(timedelta(seconds=seconds), RETRY_AFTER_CEILING)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return min(max(moment, now), now + RETRY_AFTER_CEILING)


def size_words(size: int) -> str:
    """A byte count as people say it: "10 MB", "512 KB"."""
    return f"{size / (1024 * 1024):g} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


def describe_error(error: BaseException, timeout: float) -> str:
    """One line a user can act on, for whatever httpx or the network raised."""
    text = " ".join(str(error).split())
    if isinstance(error, TimeoutError | httpx.TimeoutException):
        if isinstance(error, httpx.ConnectTimeout):
            return f"could not connect within {timeout:g} s"
        return f"no answer within {timeout:g} s"
    if isinstance(error, httpx.ConnectError):
        lowered = text.lower()
        if "ssl" in lowered or "certificate" in lowered or "tls" in lowered:
            return f"TLS failure: {text}"
        if "refused" in lowered:
            return "connection refused"
        if "name or service" in lowered or "nodename" in lowered or "getaddrinfo" in lowered:
            return "host not found"
        return f"could not connect: {text or type(error).__name__}"
    if isinstance(error, ssl.SSLError):
        return f"TLS failure: {text}"
    if isinstance(error, httpx.DecodingError | DecodeError):
        return "the response could not be decompressed"
    if isinstance(error, httpx.RemoteProtocolError | httpx.LocalProtocolError):
        return _protocol_words(text)
    if isinstance(error, httpx.ReadError):
        return "the server closed the connection mid-answer"
    if isinstance(error, httpx.WriteError):
        return "the connection broke while the request was being sent"
    if isinstance(error, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return f"invalid address ({text})"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _protocol_words(text: str) -> str:
    """h11's and h2's complaints as a sentence, without the raw bytes they quote."""
    lowered = text.lower()
    if "without sending a response" in lowered:
        return "the server closed the connection without answering"
    if "incomplete" in lowered or "peer closed" in lowered:
        return "the server closed the connection mid-answer"
    detail = _BYTES_REPR.sub("", text).strip(" :.")
    return "the server sent a malformed answer" + (f" ({detail})" if detail else "")


def describe_bug(error: Exception) -> str:
    """A defect of ours, named as one so that it gets reported rather than worked around."""
    text = " ".join(str(error).split())
    detail = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return f"internal error in tuinews ({detail}); please report it"


def _failure(url: str, error: str) -> Response:
    """Every error leaves here cleaned: it quotes servers (reason phrases, addresses, TLS
    alerts), and a quoted escape sequence must not reach a terminal or a toast."""
    return Response(url=url, error=clean_line(error)[:ERROR_LIMIT])


class _TooLarge(Exception):
    pass


class _NoTurn(Exception):
    """The caller's queue for this host did not let the request out in time."""


async def _drain(response: httpx.Response) -> None:
    """Read a small body to its end so the connection goes back to the pool.

    An unread body makes httpx close the connection: every 304 would cost a new TCP (and
    TLS) handshake. A body that says it is large is not worth reading; closing is cheaper.
    """
    declared = response.headers.get("content-length", "0")
    if declared.isdigit() and int(declared) <= _DRAIN_LIMIT:
        # Raw: a small compressed body on a redirect can still be a bomb once inflated.
        async for _ in response.aiter_raw():
            pass


_LOCATION = "tuinews.location"


async def _set_location_aside(response: httpx.Response) -> None:
    """Take Location away from httpx before it parses it.

    Even with redirects off, httpx builds the next request from Location inside `send`,
    so a hostile `javascript:alert(1)`, `http://xn--/` or `http://[::1/feed` raised there,
    before we could look at it. We read it ourselves, and check it like any address.
    """
    if "location" in response.headers:
        response.extensions[_LOCATION] = response.headers["location"]
        del response.headers["location"]


def _becomes_get(status: int, method: str) -> bool:
    """A 303, or a 301/302 answering a POST, is followed with a GET and no body (RFC 9110)."""
    return status == 303 or (status in (301, 302) and method == "POST")


class Downloader:
    """One connection pool for many downloads; use as an async context manager.

    `gate` is entered around every request on the wire (each redirect hop too), so a caller
    can bound requests in flight per host without this module knowing about feeds.
    """

    def __init__(
        self,
        *,
        timeout: float = TIMEOUT,
        max_bytes: int = MAX_BYTES,
        connections: int = 10,
        gate: Gate | None = None,
    ) -> None:
        self.timeout = timeout
        self.queue_timeout = timeout * QUEUE_TIMEOUTS
        self.max_bytes = max_bytes
        self.requests = 0
        self._gate = gate
        self._client = httpx.AsyncClient(
            http2=True,
            follow_redirects=False,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING},
            event_hooks={"response": [_set_location_aside]},
        )

    async def __aenter__(self) -> Downloader:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self._client.aclose()

    async def get(
        self,
        url: str,
        *,
        accept: str = PAGE_ACCEPT,
        etag: str | None = None,
        last_modified: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        """GET `url`, conditionally when a validator is given; never raises for network trouble."""
        sent = {"Accept": accept, **(headers or {})}
        if etag:
            sent["If-None-Match"] = etag
        if last_modified:
            sent["If-Modified-Since"] = last_modified
        return await self.request("GET", url, headers=sent)

    async def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        data: FormData | None = None,
        params: FormData | None = None,
    ) -> Response:
        """Any request, bounded and worded like a GET; a form body is sent form-encoded."""
        problem = address_problem(url)
        if problem is not None:
            return _failure(url, f"invalid address: {problem}")
        try:
            return await self._follow(method, url, dict(headers or {}), data, params)
        except _TooLarge:
            return _failure(url, f"the response is larger than {size_words(self.max_bytes)}")
        except _NoTurn:
            return _failure(
                url,
                f"not sent: waited over {self.queue_timeout:g} s for a turn to ask this host",
            )
        except (httpx.HTTPError, ssl.SSLError, TimeoutError, OSError, DecodeError) as error:
            return _failure(url, describe_error(error, self.timeout))
        except Exception as error:  # a bug, ours or a library's, met on hostile input
            return _failure(url, describe_bug(error))

    async def _turn(self, held: AsyncExitStack, url: str) -> None:
        """Wait for the caller's gate (its per-host queue), within its own, longer bound."""
        if self._gate is None:
            return
        try:
            async with asyncio.timeout(self.queue_timeout):
                await held.enter_async_context(self._gate(url))
        except TimeoutError:
            raise _NoTurn from None

    async def _follow(
        self,
        method: str,
        url: str,
        headers: dict[str, str],
        data: FormData | None,
        params: FormData | None,
    ) -> Response:
        """The request and its redirects; the timeout counts time on the wire only.

        Waiting in our own queue is not the server's slowness: forty feeds on one host
        used to fail "no answer within 20 s" before a third of them were even sent.
        """
        seen = {url}
        current = url
        permanent = True
        budget = self.timeout
        loop = asyncio.get_running_loop()
        for _ in range(MAX_REDIRECTS + 1):
            async with AsyncExitStack() as held:
                await self._turn(held, current)
                sent = loop.time()
                async with asyncio.timeout(budget):
                    self.requests += 1
                    request = self._client.build_request(
                        method, current, headers=headers, data=data, params=params
                    )
                    response = await self._client.send(request, stream=True)
                    try:
                        status = response.status_code
                        if status in _REDIRECTS or status == 304:
                            await _drain(response)
                        location = response.extensions.get(_LOCATION)
                        if status not in _REDIRECTS or location is None:
                            return await self._finish(url, current, permanent, response)
                        permanent = permanent and status in _PERMANENT
                    finally:
                        await response.aclose()
                budget -= loop.time() - sent
            try:
                target = urljoin(current, location)
            except ValueError:
                target = location
            if target in seen:
                return _failure(url, f"redirect loop ({current} -> {target}): too many redirects")
            if target.partition(":")[0].lower() not in ("http", "https"):
                return _failure(url, f"redirected to an unsupported address: {target}")
            problem = address_problem(target)
            if problem is not None:
                return _failure(url, f"redirected to an invalid address: {problem}")
            if _becomes_get(status, method):
                method, data = "GET", None
            seen.add(target)
            current = target
        return _failure(url, f"too many redirects (more than {MAX_REDIRECTS})")

    async def _finish(
        self, url: str, final: str, permanent: bool, response: httpx.Response
    ) -> Response:
        moved_to = final if final != url and permanent else None
        status = response.status_code
        common = {"url": final, "status": status, "moved_to": moved_to}
        if status == 304:
            return Response(**common)
        if status >= 400:
            reason = clean_line(response.reason_phrase or "")[:80] or "error"
            now = datetime.now(UTC)
            return Response(
                **common,
                retry_at=retry_at(response.headers.get("retry-after"), now),
                error=f"HTTP {status} {reason}",
            )
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            # Decoded size can only be larger than what is declared on the wire.
            raise _TooLarge
        decoder = BodyDecoder(response.headers.get("content-encoding"))
        chunks: list[bytes] = []
        size = 0
        async for raw in response.aiter_raw():
            for piece in decoder.decode(raw):
                size += len(piece)
                if size > self.max_bytes:
                    raise _TooLarge
                chunks.append(piece)
        return Response(
            **common,
            content=b"".join(chunks),
            content_type=response.headers.get("content-type"),
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )


def download(
    url: str,
    *,
    accept: str = PAGE_ACCEPT,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
) -> Response:
    """One GET from code that is not async (saving a page, subscribing), same bounds."""

    async def fetch() -> Response:
        async with Downloader(timeout=timeout, max_bytes=max_bytes, connections=1) as client:
            return await client.get(url, accept=accept)

    return asyncio.run(fetch())
