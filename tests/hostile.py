"""Servers that misbehave the way attackers and broken sites do, each a raw-socket handler.

`raw_server` (feedkit) runs a handler per connection on loopback. Every handler here reads
the request and then does one bad thing; `HOSTILE` names them all for the battery test,
with the words the user should see in that feed's one-line error.
"""

from __future__ import annotations

import socket
import struct
import time
import zlib
from collections.abc import Callable

import brotli

from feedkit import items, read_request, rss

Handler = Callable[[socket.socket], None]
MB = 1024 * 1024


def deflate_bomb(megabytes: int, wrapper: str = "gzip") -> bytes:
    """`megabytes` MB of zeros as one gzip member (or a zlib stream), ~1 KB per MB, built fast.

    Each 1 MB block is compressed once after a full flush (which resets the dictionary),
    so repeating its bytes is a valid deflate stream; the trailer's checksum is computed.
    """
    chunk = bytes(MB)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    final = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS).flush()
    stream = block * megabytes + final
    if wrapper == "zlib":
        adler = 1
        for _ in range(megabytes):
            adler = zlib.adler32(chunk, adler)
        return b"\x78\x9c" + stream + struct.pack(">I", adler)
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(chunk, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + stream + struct.pack("<II", crc, (megabytes * MB) & 0xFFFFFFFF)


def brotli_bomb(megabytes: int) -> bytes:
    """`megabytes` MB of zeros as brotli: about 190 bytes per GB."""
    compressor = brotli.Compressor(quality=1)
    chunk = bytes(MB)
    return b"".join(compressor.process(chunk) for _ in range(megabytes)) + compressor.finish()


def answer(
    status: str = "200 OK", headers: dict[str, str] | None = None, body: bytes = b""
) -> Handler:
    """A complete answer with whatever status line, headers and body it is given."""

    def handle(connection: socket.socket) -> None:
        read_request(connection)
        head = [f"HTTP/1.1 {status}", f"Content-Length: {len(body)}", "Connection: close"]
        head += [f"{name}: {value}" for name, value in (headers or {}).items()]
        connection.sendall(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)

    return handle


def compressed(encoding: str, body: bytes) -> Handler:
    return answer(headers={"Content-Encoding": encoding, "Content-Type": "text/xml"}, body=body)


def redirect(location: str) -> Handler:
    return answer("302 Found", {"Location": location})


def never_answers(connection: socket.socket) -> None:
    read_request(connection)
    time.sleep(120)


def slowloris(connection: socket.socket) -> None:
    """Headers a byte every half second, for ever: each read succeeds, nothing completes."""
    read_request(connection)
    connection.sendall(b"HTTP/1.1 200 OK\r\n")
    while True:
        connection.sendall(b"X")
        time.sleep(0.5)


def huge_headers(connection: socket.socket) -> None:
    read_request(connection)
    connection.sendall(b"HTTP/1.1 200 OK\r\n")
    line = b"X-Filler: " + b"a" * 8000 + b"\r\n"
    while True:
        connection.sendall(line)


def endless_body(connection: socket.socket) -> None:
    read_request(connection)
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n\r\n<rss>")
    block = b"<item><title>x</title></item>" * 1000
    while True:
        connection.sendall(block)


def bad_chunking(connection: socket.socket) -> None:
    read_request(connection)
    connection.sendall(
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/xml\r\n\r\n"
        b"5\r\n<rss>\r\nzz\r\n"
    )
    time.sleep(1)


def closes_mid_answer(connection: socket.socket) -> None:
    read_request(connection)
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n<rss><channel>")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
<lolz>&lol9;</lolz>"""
ESCAPES_IN_ENCODING = b'<?xml version="1.0" encoding="x\x1b]0;PWNED\x07\x1b[31m"?>\n<notafeed><<<'


def hostile_servers() -> dict[str, tuple[Handler, str]]:
    """name: (handler, words expected in that feed's one-line error)."""
    xml = {"Content-Type": "text/xml"}
    return {
        "never answers": (never_answers, "no answer within"),
        "slowloris": (slowloris, "no answer within"),
        "huge headers": (huge_headers, "malformed answer"),
        "endless body": (endless_body, "larger than"),
        "bad chunking": (bad_chunking, "malformed answer (illegal chunk header)"),
        "closes mid-answer": (closes_mid_answer, "closed the connection mid-answer"),
        "gzip bomb": (compressed("gzip", deflate_bomb(1024)), "larger than"),
        "deflate bomb": (compressed("deflate", deflate_bomb(1024, "zlib")), "larger than"),
        "brotli bomb": (compressed("br", brotli_bomb(1024)), "larger than"),
        "billion laughs": (answer(body=BILLION_LAUGHS, headers=xml), "not a feed"),
        "escapes in the encoding": (answer(body=ESCAPES_IN_ENCODING), "not a feed"),
        "escapes in the reason": (answer("500 \x1b[31mBAD\x07\x9b2J"), "HTTP 500 BAD"),
        "redirect to javascript:": (redirect("javascript:alert(1)"), "unsupported address"),
        "redirect to data:": (redirect("data:text/xml,<rss/>"), "unsupported address"),
        "redirect without a host": (redirect("https:foo"), "invalid address: no host name"),
        "redirect to a bad IDNA host": (redirect("http://xn--/"), "not a valid international"),
        "redirect to port 99999": (redirect("http://127.0.0.1:99999/"), "port 99999"),
        "redirect to a broken IPv6": (redirect("http://[::1/feed"), "not an IPv6 address"),
        "Retry-After overflow": (
            answer("503 Service Unavailable", {"Retry-After": "999999999999"}),
            "asked to wait until",
        ),
    }


def deep_page(depth: int) -> bytes:
    """A story page whose one paragraph sits `depth` divs deep (quadratic walks took 16 s)."""
    story = "<p>" + "Deep text of the story, told at length. " * 20 + "</p>"
    return (
        f"<html><head><title>Deep story</title></head><body>{'<div>' * depth}"
        f"{story}{'</div>' * depth}</body></html>"
    ).encode()


def control_feed() -> bytes:
    return rss("Control", items(5, "Control"))
