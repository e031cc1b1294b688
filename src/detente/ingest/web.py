"""Web inputs: saved HTML pages (trafilatura), RSS/Atom feeds (feedparser) and web archives (warcio).

- **HTML** (``read_html``): trafilatura, in its precision mode, finds the main text, title, author,
  date and canonical URL; navigation, ads and comments are left out (a page of links only has no text). The title opens the text, followed by a blank line, and
  paragraphs are separated by blank lines, as in a ``.txt`` article. Dates come from the page's
  metadata only (trafilatura's date search without its guesses from the text); a page without article
  text is rejected.
- **Feeds** (``read_feed``): each item is an article. When the item carries its full text
  (``content:encoded``, Atom ``content``) that text is coded; otherwise its title and summary are, and
  the article's ``meta`` says ``content=summary`` so that nobody takes a teaser for the story. Dates are
  the item's ``published`` (else ``updated``) as feedparser reads them. A file that is not a feed is
  rejected with feedparser's reason.
- **WARC** (``read_warc``, ``.warc`` or ``.warc.gz``): every HTTP response record whose content type is
  HTML is read as an HTML page, with the record's target URI as its URL and the page's date, else the
  record's ``WARC-Date``. Other records (requests, metadata, non-HTML responses) are skipped and
  counted in one warning; a record that cannot be read is reported with its number and the file is read
  on where warcio can go on.

Article ids: ``<stem>`` for a page; ``<stem>:<n>`` for the n-th item of a feed or the n-th record of a
WARC file (counting every record, so the id points back to the record).

What it does not do: fetch anything (feeds' links are not followed), run scripts, or guess a date.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from datetime import date
from pathlib import Path
from typing import Iterator

from detente.ingest.decode import clean_string
from detente.model import Ingested, Problem

MAX_RECORD_BYTES = 32 * 1024 * 1024
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "br", "section", "article")

# trafilatura and htmldate log what they could not find at WARNING; detente records its own problems
for _name in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
    logging.getLogger(_name).setLevel(logging.ERROR)


def read_html(data: bytes, where: str, article_id: str, default_date: date | None, *, url: str | None = None,
              record_date: str | None = None) -> Iterator[Ingested | Problem]:
    """The article of one HTML page (see the module docstring)."""
    from detente.ingest.readers import make_article

    import trafilatura

    if not data.strip():
        yield Problem("ingest", "empty HTML file", where)
        return
    try:
        doc = trafilatura.bare_extraction(
            data, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura and lxml raise many types on broken markup; the page is rejected, the run goes on
        yield Problem("ingest", f"HTML could not be read ({type(exc).__name__}: {exc}); page skipped", where)
        return
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        yield Problem("ingest", "HTML page without article text (navigation or markup only); page skipped", where)
        return
    title = (doc.title or "").strip() or None
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    text = "\n\n".join(([title] if title else []) + paragraphs)
    text, problems = clean_string(text, where, field="text")
    meta = {"author": doc.author} if doc.author else {}
    if doc.sitename:
        meta["sitename"] = doc.sitename
    yield make_article(article_id, text, title=title, url=url or doc.url or None, source=doc.sitename or None,
                       metadata_date=doc.date or record_date, where=where, default_date=default_date,
                       problems=problems, meta=meta)


def read_feed(data: bytes, where: str, stem: str, default_date: date | None) -> Iterator[Ingested | Problem]:
    """The items of one RSS or Atom feed (see the module docstring)."""
    from detente.ingest.readers import make_article

    import feedparser

    if not data.strip():
        yield Problem("ingest", "empty feed file", where)
        return
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    if not parsed.get("version"):
        reason = parsed.get("bozo_exception")
        yield Problem("ingest", f"not an RSS or Atom feed{f' ({reason})' if reason else ''}; file skipped", where)
        return
    if parsed.get("bozo") and parsed.get("bozo_exception") is not None and not parsed.entries:
        yield Problem("ingest", f"feed is not well-formed ({parsed.bozo_exception}) and no item could be read", where)
        return
    if not parsed.entries:
        yield Problem("ingest", "feed has no items", where, severity="warning")
        return
    for n, entry in enumerate(parsed.entries, 1):
        here = f"{where}:item {n}"
        title = _plain(entry.get("title", "")) or None
        content = entry.get("content") or []
        full = "\n\n".join(t for t in (_html_text(c.get("value", "")) for c in content) if t)
        meta: dict[str, str] = {}
        if full:
            body, meta["content"] = full, "full"
        else:
            body, meta["content"] = _html_text(entry.get("summary", "")), "summary"
        if not body and not title:
            yield Problem("ingest", "feed item has neither text nor title; item skipped", here)
            continue
        paragraphs = [p for p in body.split("\n\n") if p.strip()]
        if title and paragraphs and paragraphs[0].strip() == title:
            paragraphs = paragraphs[1:]
        text = "\n\n".join(([title] if title else []) + paragraphs)
        text, problems = clean_string(text, here, field="text")
        if entry.get("id"):
            meta["guid"] = str(entry["id"])
        if entry.get("author"):
            meta["author"] = str(entry["author"])
        when, raw = _entry_date(entry)
        yield make_article(f"{stem}:{n}", text, title=title, url=entry.get("link") or None,
                           source=_plain(parsed.feed.get("title", "")) or None,
                           metadata_date=when.isoformat() if when else raw, where=here, default_date=default_date,
                           problems=problems, meta=meta)


def read_warc(path: Path, stem: str, default_date: date | None) -> Iterator[Ingested | Problem]:
    """The HTML pages of one WARC file (see the module docstring)."""
    from warcio.archiveiterator import ArchiveIterator

    where = str(path)
    skipped: dict[str, int] = {}
    n = 0
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Problem("ingest", f"cannot read file: {exc.strerror or exc}", where)
        return
    with fh:
        records = iter(ArchiveIterator(fh, check_digests=False))
        while True:
            noise = io.StringIO()
            try:
                with contextlib.redirect_stderr(noise):  # warcio writes its doubts to stderr itself
                    record = next(records)
            except StopIteration:
                break
            except Exception as exc:  # warcio raises ArchiveLoadFailed, zlib and value errors on a broken record
                yield Problem("ingest", f"record {n + 1} cannot be read ({type(exc).__name__}: {exc}); the rest of the file is lost", where)
                break
            n += 1
            here = f"{where}:record {n}"
            if noise.getvalue().strip():
                yield Problem("ingest", "the record before this one was not followed by a blank line; its Content-Length may be wrong",
                              here, severity="warning")
            kind = _warc_kind(record)
            if kind != "html":
                skipped[kind] = skipped.get(kind, 0) + 1
                continue
            try:
                data = record.content_stream().read(MAX_RECORD_BYTES + 1)
            except Exception as exc:  # a corrupt chunked or compressed body: this record only
                yield Problem("ingest", f"response body cannot be read ({type(exc).__name__}: {exc}); record skipped", here)
                continue
            if len(data) > MAX_RECORD_BYTES:
                yield Problem("ingest", f"response body longer than {MAX_RECORD_BYTES // 2**20} MB; record skipped", here)
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            yield from read_html(data, here, f"{stem}:{n}", default_date, url=url,
                                 record_date=record.rec_headers.get_header("WARC-Date"))
    if n == 0 and not skipped:
        yield Problem("ingest", "no WARC records in the file", where)
    elif skipped:
        what = ", ".join(f"{count} {kind}" for kind, count in sorted(skipped.items()))
        yield Problem("ingest", f"{sum(skipped.values())} WARC record(s) skipped, not HTML responses ({what})", where, severity="warning")


def _warc_kind(record) -> str:
    if record.rec_type != "response":
        return record.rec_type or "untyped"
    headers = record.http_headers
    if headers is None:
        return "non-HTTP response"
    status = (headers.get_statuscode() or "").strip()
    if status and not status.startswith("2"):
        return f"HTTP {status} response"
    ctype = (headers.get_header("Content-Type") or "").lower()
    return "html" if "html" in ctype else "non-HTML response"


def _entry_date(entry) -> tuple[date | None, str | None]:
    """The item's date as feedparser read it, or its raw text when feedparser could not."""
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return date(*parsed[:3]), None  # feedparser gives UTC
        if entry.get(key):
            return None, str(entry[key])
    return None, None


def _plain(value: str) -> str:
    return " ".join(_html_text(value).split()) if "<" in value else " ".join(value.split())


def _html_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed item's content), block elements as paragraphs."""
    if not fragment or not fragment.strip():
        return ""
    if "<" not in fragment:
        return "\n\n".join(" ".join(p.split()) for p in fragment.split("\n\n") if p.strip())
    import lxml.html

    # lxml refuses control characters (and NULs, lone surrogates) in the text it is given or set
    fragment = _NOT_XML.sub(" ", fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml's parser errors on unrecoverable markup: fall back to the text without tags
        return " ".join(re.sub(r"<[^>]*>", " ", fragment).split())
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n\n" + (el.text or "")
    text = root.text_content()
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())
