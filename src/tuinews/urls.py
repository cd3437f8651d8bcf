"""URL normalisation: the key under which a story is found again.

A site links the same story with and without a fragment, with campaign parameters, with
an upper-case host or a default port; all of these must land on the one stored article.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import idna

_TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "igshid",
        "yclid",
        "_ga",
        "ref_src",
        "cmpid",
        "ito",
        "wt_mc",
        "wt.mc_id",
        "ns_mchannel",
        "ns_source",
        "ns_campaign",
        "ns_linkname",
        "ns_fee",
        "at_medium",
        "at_campaign",
        "xtor",
        "ocid",
    }
)
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_PARAMETERS or lowered.startswith(_TRACKING_PREFIXES)


def normalize_url(url: str) -> str:
    """The comparable form of `url`: no fragment, no tracking parameters, lower-case host.

    Path and the remaining query keep their case and order: servers may treat them
    as significant, and two different stories must never share a key.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host
    if port is not None and _DEFAULT_PORTS.get(scheme) != port:
        netloc = f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    )
    path = parts.path or ("/" if host else "")
    return urlunsplit((scheme, netloc, path, query, ""))


FEED_SCHEMES = frozenset({"http", "https", "file"})
_HOST_LABEL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?")
_UNSAFE_IN_URL = re.compile(r"[\x00-\x20\x7f-\x9f]")


def _host_problem(host: str) -> str | None:
    if host.startswith("["):
        try:
            ipaddress.IPv6Address(host[1:-1] if host.endswith("]") else "")
        except ValueError:
            return f"{host} is not an IPv6 address"
        return None
    if not host:
        return "no host name"
    if len(host) > 253:
        return "the host name is longer than 253 characters"
    for label in host.rstrip(".").split("."):
        if label.isascii() and not label.lower().startswith("xn--"):
            if not _HOST_LABEL.fullmatch(label):
                return f"{host!r} is not a valid host name"
            continue
        try:
            idna.encode(label, uts46=True)
            if label.lower().startswith("xn--"):
                idna.decode(label)
        except (idna.IDNAError, UnicodeError):
            return f"{host!r} is not a valid international host name"
    return None


def address_problem(url: str) -> str | None:
    """Why `url` cannot be fetched as a feed or page, in a few words; None when it can.

    Checked when an address enters the library (subscribing, importing a list) and
    before each request, so a mistyped or hostile address is one readable line rather
    than an exception from deep inside the HTTP client.
    """
    if _UNSAFE_IN_URL.search(url):
        return "the address contains spaces or control characters"
    scheme, colon, rest = url.partition(":")
    if not colon or scheme.lower() not in FEED_SCHEMES:
        return "only http, https and file addresses are supported"
    if scheme.lower() == "file":
        return None if urlsplit(url).path else "a file address without a path"
    if not rest.startswith("//"):
        return "no host name"
    netloc = rest[2:].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    hostport = netloc.rpartition("@")[2]
    host, port = hostport, ""
    if hostport.startswith("["):
        close = hostport.find("]")
        host, port = (hostport, "") if close < 0 else (hostport[: close + 1], hostport[close + 1 :])
        port = port.removeprefix(":")
    elif ":" in hostport:
        host, port = hostport.rsplit(":", 1)
    problem = _host_problem(host)
    if problem is not None:
        return problem
    if port and not (port.isdigit() and 1 <= int(port) <= 65535):
        return f"port {port} is not a number from 1 to 65535"
    return None
