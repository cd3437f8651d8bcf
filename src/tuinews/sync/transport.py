"""The sync client's HTTP: one keep-alive connection to the account's server.

The only sync module that knows httpx. Every failure of the network becomes a
`TransportError` with one line fit for a terminal; the caller decides what an answer means.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlencode

import httpx

from tuinews import __version__

USER_AGENT = f"tuinews/{__version__} (terminal newsreader; +https://github.com/tuinews/tuinews)"
TIMEOUT = 30.0
# A reading list answer of a thousand items with their HTML is a few megabytes.
MAX_BYTES = 64 * 1024 * 1024

Form = list[tuple[str, str]]


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


def _reason(error: httpx.HTTPError) -> str:
    if isinstance(error, httpx.TimeoutException):
        return f"no answer within {TIMEOUT:g} s"
    if isinstance(error, httpx.ConnectError):
        return "connection refused or host not found"
    if isinstance(error, httpx.RemoteProtocolError):
        return "the connection was dropped mid-answer"
    return " ".join(str(error).split()) or type(error).__name__


class HttpxTransport:
    def __init__(self, *, tls: bool = True) -> None:
        """`tls=False` for an http:// server: no certificate store to load (a tenth of a
        second, more on a busy machine) for connections that will never use it."""
        self._client = httpx.Client(
            timeout=TIMEOUT,
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT},
            verify=tls,
        )

    def _send(self, request: httpx.Request) -> Answer:
        try:
            response = self._client.send(request, stream=True)
            try:
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > MAX_BYTES:
                        raise TransportError(
                            f"{request.url.host}: answer larger than {MAX_BYTES >> 20} MB"
                        )
            finally:
                response.close()
        except httpx.HTTPError as error:
            raise TransportError(f"{request.url.host}: {_reason(error)}") from None
        return Answer(response.status_code, bytes(body))

    def get(self, url: str, params: Form, headers: dict[str, str]) -> Answer:
        return self._send(self._client.build_request("GET", url, params=params, headers=headers))

    def post(self, url: str, form: Form, headers: dict[str, str]) -> Answer:
        return self._send(
            self._client.build_request(
                "POST",
                url,
                content=urlencode(form).encode(),
                headers={**headers, "Content-Type": "application/x-www-form-urlencoded"},
            )
        )

    def close(self) -> None:
        self._client.close()
