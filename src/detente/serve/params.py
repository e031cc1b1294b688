"""Request parameters checked before they reach a query, and the one error every failure becomes.

Every refused request gets the same JSON body, ``{"error": {"status", "code", "parameter", "message"}}``:
``parameter`` names the query parameter (or path part) at fault, so a client can point at it. Values
reach DuckDB only as bound parameters (``store/reader.py``); nothing here builds SQL.

What it does not do: authenticate (the server binds 127.0.0.1 by default: one analyst's machine).
"""

from __future__ import annotations

import base64
import json
import re
from datetime import date
from typing import Any, Callable, TypeVar

from detente.cameo import PLOVER_QUAD
from detente.errors import UserInputError
from detente.model import MODALITIES
from detente.store.reader import DATASETS

T = TypeVar("T")
FREQS = ("day", "week", "month")
_CODE = re.compile(r"[A-Za-z0-9]{2,}")
_CAMEO = re.compile(r"\d{2,4}")


class ApiError(Exception):
    """A request the API refuses: ``status`` (400, 404…), a short ``code``, the ``parameter`` at fault."""

    def __init__(self, status: int, message: str, *, parameter: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.parameter = parameter
        self.code = code or {400: "bad_parameter", 404: "not_found", 405: "method_not_allowed"}.get(status, "error")

    def body(self) -> dict[str, Any]:
        return {"error": {"status": self.status, "code": self.code, "parameter": self.parameter, "message": self.message}}


def blame(parameter: str, call: Callable[[], T]) -> T:
    """Run ``call``; a ``UserInputError`` it raises becomes a 400 naming ``parameter``."""
    try:
        return call()
    except UserInputError as exc:
        raise ApiError(400, str(exc), parameter=parameter) from None


def day(value: str | None, name: str) -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ApiError(400, f"{name} {value!r} is not a date; write YYYY-MM-DD", parameter=name) from None


def period(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    first, last = day(since, "since"), day(until, "until")
    if first and last and first > last:
        raise ApiError(400, f"since {first} is after until {last}: the period is empty", parameter="since")
    return first, last


def values(raw: list[str] | None) -> list[str]:
    """Repeated parameters and comma lists alike: ``?code=17&code=18`` or ``?code=17,18``."""
    return [v.strip() for item in raw or [] for v in item.split(",") if v.strip()]


def actor(value: str | None, name: str) -> str | None:
    if value is None or value.strip() == "":
        return None
    clean = value.strip().upper()
    if not _CODE.fullmatch(clean):
        raise ApiError(400, f"{name} {value!r} is not a CAMEO actor code (letters and digits: RUS, USAGOV, IGOUNO)",
                       parameter=name)
    return clean


def one_of(raw: list[str] | None, valid, name: str, upper: bool = False) -> list[str]:
    found = [v.upper() if upper else v for v in values(raw)]
    for v in found:
        if v not in valid:
            raise ApiError(400, f"{name} {v!r} is not one of {', '.join(valid)}", parameter=name)
    return found


def event_filters(*, source=None, target=None, exact=False, code=None, plover=None, modality=None, dataset=None,
                  since=None, until=None, article=None, q=None) -> dict[str, Any]:
    """The filters of ``detente events`` (and ``article``, ``q`` for text in the evidence sentence),
    checked; the dict ``Reader.events_page`` takes."""
    codes = values(code)
    for c in codes:
        if not _CAMEO.fullmatch(c):
            raise ApiError(400, f"code {c!r} is not a CAMEO event code (2-4 digits: 17, 173, 0841)", parameter="code")
    first, last = period(since, until)
    return {
        "source": actor(source, "source"), "target": actor(target, "target"), "exact": exact, "code": codes or None,
        "plover": one_of(plover, PLOVER_QUAD, "plover", upper=True) or None,
        "modality": one_of(modality, MODALITIES, "modality") or None,
        "dataset": one_of(dataset, DATASETS, "dataset") or None,
        "since": first, "until": last, "article": article or None, "text": (q or "").strip() or None,
    }


def encode_cursor(key: tuple) -> str:
    """The key of a page's last row as an opaque token (dates as ISO text)."""
    plain = [k.isoformat() if isinstance(k, date) else k for k in key]
    return base64.urlsafe_b64encode(json.dumps(plain).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, size: int, dated: bool = True) -> tuple | None:
    """A token of ``encode_cursor`` back to its key of ``size`` parts (the first a date or None when
    ``dated``); anything else is a 400 naming ``cursor``."""
    if not cursor:
        return None
    bad = ApiError(400, f"cursor {cursor[:40]!r} is not a cursor this API gave; pass the 'next' value of the previous page",
                   parameter="cursor")
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, UnicodeDecodeError):
        raise bad from None
    if not isinstance(key, list) or len(key) != size or not all(isinstance(k, str) for k in key[1:]):
        raise bad
    if dated:
        if key[0] is not None:
            if not isinstance(key[0], str):
                raise bad
            try:
                key[0] = date.fromisoformat(key[0])
            except ValueError:
                raise bad from None
    elif not isinstance(key[0], str):
        raise bad
    return tuple(key)
