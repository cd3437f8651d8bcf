"""A Google Reader API client: ClientLogin, the reading endpoints and the editing ones.

The one protocol FreshRSS, Miniflux, Inoreader, The Old Reader and BazQux all speak. Reads
are GETs with `Authorization: GoogleLogin auth=TOKEN`; writes are form POSTs that carry the
edit token `T` (Miniflux reads only `T`, FreshRSS wants both). A 401 means the token went
stale: the client logs in again once and repeats the request; a second 401 is a wrong
password. Every failure is a `SyncError` of one line naming the server and what failed.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from tuinews.sync.transport import Answer, Form, Transport, TransportError
from tuinews.untrusted import clean_line

API = "/reader/api/0"
READING_LIST = "user/-/state/com.google/reading-list"
READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
LABEL_PREFIX = "user/-/label/"
ITEM_PREFIX = "tag:google.com,2005:reader/item/"
# Items changed per edit-tag request: 1,000 changes are two requests. Items asked for per
# contents request: an answer of 250 items with their HTML is a few megabytes, and the
# first one arrives soon enough for reading and storing to overlap the rest.
EDIT_BATCH = 500
CONTENTS_BATCH = 250
IDS_PAGE = 10_000


CONTENTS = f"{API}/stream/items/contents"


class SyncError(Exception):
    """A sync that could not go on; one line, and nothing local was lost."""


class ServerRefused(SyncError):
    """The server answered a request with an error status (4xx or 5xx)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def item_number(item_id: str) -> int:
    """An item id in any of its forms (long `tag:…/item/<hex>`, bare hex, decimal) as the
    signed 64-bit number Google Reader used, so every form of one item is one key."""
    text = item_id.strip()
    if text.startswith(ITEM_PREFIX):
        value = int(text[len(ITEM_PREFIX) :], 16)
    elif len(text) == 16 and not text.lstrip("-").isdigit():
        value = int(text, 16)
    else:
        return int(text)
    return value - (1 << 64) if value >= 1 << 63 else value


def account_id(username: str, url: str) -> str:
    """What a kept token and the library's server ids belong to: one user on one server."""
    return f"{username}@{url.rstrip('/')}"


def long_item_id(number: int) -> str:
    return f"{ITEM_PREFIX}{number & 0xFFFFFFFFFFFFFFFF:016x}"


class GReaderClient:
    """One account on one server; `sent` counts requests by path, for reports and benchmarks."""

    def __init__(
        self,
        url: str,
        username: str,
        password: Callable[[], str],
        transport: Transport,
        *,
        token: str | None = None,
        on_token: Callable[[str | None], None] = lambda token: None,
    ) -> None:
        self.url = url.rstrip("/")
        self.username = username
        self.host = urlsplit(self.url).netloc or self.url
        self._password = password
        self._transport = transport
        self._token = token
        self._edit_token: str | None = None
        self._on_token = on_token
        self.sent: Counter[str] = Counter()

    @property
    def requests(self) -> int:
        return self.sent.total()

    def close(self) -> None:
        self._transport.close()

    # -- authentication ----------------------------------------------------------------

    def login(self) -> None:
        """ClientLogin with the account's password; the token is kept by `on_token`."""
        self._token = self._edit_token = None
        answer = self._send(
            "POST",
            "/accounts/ClientLogin",
            [("Email", self.username), ("Passwd", self._password())],
            {},
        )
        if answer.status in (401, 403):
            raise SyncError(
                f"{self.host}: the server refused user {self.username!r}: "
                "wrong username or password"
            )
        self._check(answer, "/accounts/ClientLogin")
        fields = dict(
            line.split("=", 1)
            for line in answer.body.decode("utf-8", "replace").splitlines()
            if "=" in line
        )
        token = fields.get("Auth", "").strip()
        if not token:
            raise SyncError(f"{self.host}: the login answer has no Auth token")
        self._token = token
        self._on_token(token)

    def _auth_headers(self) -> dict[str, str]:
        if self._token is None:
            self.login()
        return {"Authorization": f"GoogleLogin auth={self._token}"}

    def _edit(self) -> str:
        if self._edit_token is None:
            answer = self._authorized("GET", f"{API}/token", [])
            self._edit_token = answer.body.decode("utf-8", "replace").strip()
        return self._edit_token

    # -- requests ----------------------------------------------------------------------

    def _send(self, method: str, path: str, form: Form, headers: dict[str, str]) -> Answer:
        self.sent[path] += 1
        try:
            if method == "GET":
                return self._transport.get(self.url + path, form, headers)
            return self._transport.post(self.url + path, form, headers)
        except TransportError as error:
            raise SyncError(f"cannot reach the sync server {error}") from None

    def _check(self, answer: Answer, path: str) -> None:
        if answer.status >= 500:
            raise ServerRefused(
                f"{self.host}: the server failed ({answer.status}) at {path}", answer.status
            )
        if answer.status >= 400:
            detail = clean_line(answer.body[:200].decode("utf-8", "replace"))
            raise ServerRefused(
                f"{self.host}: the server refused {path} ({answer.status})"
                + (f": {detail}" if detail else ""),
                answer.status,
            )

    def _authorized(self, method: str, path: str, form: Form) -> Answer:
        for attempt in (1, 2):
            headers = self._auth_headers()
            sent = form if method == "GET" else [*form, ("T", self._edit())]
            answer = self._send(method, path, sent, headers)
            if answer.status != 401 or attempt == 2:
                break
            self._on_token(None)
            self.login()
        if answer.status == 401:
            raise SyncError(f"{self.host}: the server refused our login at {path} (401)")
        self._check(answer, path)
        return answer

    def _json(self, path: str, params: Form) -> Any:
        answer = self._authorized("GET", path, [*params, ("output", "json")])
        return self._decode(answer, path)

    def _decode(self, answer: Answer, path: str) -> Any:
        try:
            return json.loads(answer.body)
        except ValueError:
            raise SyncError(f"{self.host}: the answer to {path} is not JSON") from None

    def _post_ok(self, path: str, form: Form) -> None:
        answer = self._authorized("POST", path, form)
        if answer.body.strip() != b"OK":
            detail = clean_line(answer.body[:200].decode("utf-8", "replace"))
            raise SyncError(f"{self.host}: {path} was not confirmed: {detail or 'empty answer'}")

    # -- reading -----------------------------------------------------------------------

    def subscriptions(self) -> list[dict[str, Any]]:
        path = f"{API}/subscription/list"
        found = self._json(path, [])
        if not isinstance(found, dict) or not isinstance(found.get("subscriptions"), list):
            raise SyncError(f"{self.host}: {path} answered without a subscription list")
        return [entry for entry in found["subscriptions"] if isinstance(entry, dict)]

    def item_ids(
        self, stream: str, *, exclude: str | None = None, newer_than: int | None = None
    ) -> set[int]:
        """Every item id of a stream, following the continuation."""
        path = f"{API}/stream/items/ids"
        params: Form = [("s", stream), ("n", str(IDS_PAGE))]
        if exclude:
            params.append(("xt", exclude))
        if newer_than is not None:
            params.append(("ot", str(newer_than)))
        found: set[int] = set()
        continuation: str | None = None
        while True:
            page = self._json(path, params + ([("c", continuation)] if continuation else []))
            if not isinstance(page, dict):
                raise SyncError(f"{self.host}: {path} answered without item ids")
            refs = page.get("itemRefs") or []
            try:
                found.update(item_number(str(ref["id"])) for ref in refs)
            except (KeyError, TypeError, ValueError):
                raise SyncError(f"{self.host}: {path} answered with a malformed item id") from None
            next_page = page.get("continuation")
            if not next_page or not refs or str(next_page) == continuation:
                return found
            continuation = str(next_page)

    def items(self, numbers: Iterable[int]) -> list[dict[str, Any]]:
        """The items with these ids, in one request (callers batch them by `CONTENTS_BATCH`)."""
        return decode_items(self.items_body(numbers), self.host)

    def items_body(self, numbers: Iterable[int]) -> bytes:
        """The answer to `items` as sent, for a worker process to decode."""
        form: Form = [("output", "json"), *(("i", long_item_id(n)) for n in numbers)]
        return self._authorized("POST", CONTENTS, form).body

    # -- editing -----------------------------------------------------------------------

    def edit_tag(
        self, numbers: Iterable[int], *, add: str | None = None, remove: str | None = None
    ) -> None:
        form: Form = [("i", long_item_id(n)) for n in numbers]
        if add:
            form.append(("a", add))
        if remove:
            form.append(("r", remove))
        self._post_ok(f"{API}/edit-tag", form)

    def subscribe(self, url: str, title: str | None, folder: str | None) -> None:
        form: Form = [("ac", "subscribe"), ("s", f"feed/{url}")]
        if title:
            form.append(("t", title))
        if folder:
            form.append(("a", LABEL_PREFIX + folder))
        self._post_ok(f"{API}/subscription/edit", form)

    def unsubscribe(self, stream: str) -> None:
        self._post_ok(f"{API}/subscription/edit", [("ac", "unsubscribe"), ("s", stream)])

    def edit_subscription(self, stream: str, title: str | None, folder: str | None) -> None:
        form: Form = [("ac", "edit"), ("s", stream)]
        if title:
            form.append(("t", title))
        if folder:
            form.append(("a", LABEL_PREFIX + folder))
        self._post_ok(f"{API}/subscription/edit", form)


def decode_items(body: bytes, host: str) -> list[dict[str, Any]]:
    try:
        found = json.loads(body)
    except ValueError:
        raise SyncError(f"{host}: the answer to {CONTENTS} is not JSON") from None
    if not isinstance(found, dict) or not isinstance(found.get("items", []), list):
        raise SyncError(f"{host}: {CONTENTS} answered without items")
    return [item for item in found.get("items", []) if isinstance(item, dict)]
