"""Feeds written for the tests, and raw loopback servers for what pytest-httpserver cannot do.

pytest-httpserver answers well-formed HTTP; a server that accepts and never answers, or
that streams forever, needs a socket of our own.
"""

from __future__ import annotations

import contextlib
import html
import socket
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    title: str
    guid: str | None = None
    link: str | None = None
    body: str = "<p>Nothing happened.</p>"
    date: str | None = "Mon, 23 Nov 2026 10:00:00 GMT"


def rss(title: str, items: Sequence[Item], *, encoding: str = "utf-8") -> bytes:
    parts = [f'<?xml version="1.0" encoding="{encoding}"?>', '<rss version="2.0"><channel>']
    parts.append(f"<title>{html.escape(title)}</title><link>https://site.example/</link>")
    for item in items:
        parts.append("<item>")
        parts.append(f"<title>{html.escape(item.title)}</title>")
        if item.guid is not None:
            parts.append(f"<guid>{html.escape(item.guid)}</guid>")
        if item.link is not None:
            parts.append(f"<link>{html.escape(item.link)}</link>")
        if item.date is not None:
            parts.append(f"<pubDate>{item.date}</pubDate>")
        parts.append(f"<description>{html.escape(item.body)}</description></item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode(encoding, errors="xmlcharrefreplace")


def atom(title: str, items: Sequence[Item]) -> bytes:
    parts = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">']
    parts.append(f"<title>{html.escape(title)}</title><id>urn:feed</id>")
    parts.append("<updated>2026-11-23T10:00:00Z</updated>")
    for item in items:
        parts.append(f"<entry><title>{html.escape(item.title)}</title>")
        parts.append(f"<id>{html.escape(item.guid or item.title)}</id>")
        if item.link:
            parts.append(f'<link href="{html.escape(item.link)}"/>')
        parts.append("<updated>2026-11-23T10:00:00Z</updated>")
        parts.append(f'<content type="html">{html.escape(item.body)}</content></entry>')
    parts.append("</feed>")
    return "".join(parts).encode()


def items(count: int, prefix: str = "Story") -> list[Item]:
    return [
        Item(
            title=f"{prefix} {n}",
            guid=f"{prefix}-{n}",
            link=f"https://site.example/{prefix.lower()}/{n}",
            body=f"<p>{prefix} {n} begins. “We are ready,” said Ana Lima.</p>",
        )
        for n in range(count)
    ]


@contextmanager
def raw_server(handle: Callable[[socket.socket], None]) -> Iterator[str]:
    """A loopback server calling `handle(connection)` per connection; yields its base URL."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=_guarded, args=(handle, connection), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join()
        listener.close()


def _guarded(handle: Callable[[socket.socket], None], connection: socket.socket) -> None:
    # OSError: the client gave up on us, which is what these servers test.
    with connection, contextlib.suppress(OSError):
        handle(connection)


def read_request(connection: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(4096)
        if not chunk:
            break
        data += chunk
    return data
