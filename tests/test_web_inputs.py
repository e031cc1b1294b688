"""HTML pages, RSS and Atom feeds and WARC files read as articles (fixtures written for these tests in
tests/fixtures/web), dates from metadata or the dateline, and the events they yield through spaCy."""

from __future__ import annotations

import gzip
import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from detente.ingest import read_inputs
from detente.ingest.dates import article_date, dateline_date, parse_date
from detente.model import Ingested, Problem

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "tests" / "fixtures" / "web"


def _read(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def _articles(items):
    return [i.article for i in items if isinstance(i, Ingested)]


def test_html_page_keeps_the_article_and_leaves_out_navigation_ads_and_comments():
    [read] = _read(WEB / "page.html")
    a = read.article
    assert a.id == "page" and a.title == "Russia expels ten American diplomats"
    assert a.url == "https://ledger.example.org/world/2021/04/16/russia-expels-diplomats"
    assert a.published == date(2021, 4, 16)  # the page's metadata, before its dateline (April 15)
    assert dict(a.meta)["author"] == "Mara Velden" and a.source == "The Northern Ledger"
    assert a.text.startswith("Russia expels ten American diplomats\n\nMOSCOW, April 15")
    for boilerplate in ("Subscribe", "Advertisement", "Cheap flights", "reader_77", "Related stories", "Copyright"):
        assert boilerplate not in a.text
    assert "France criticised Germany" in a.text and read.problems == ()


def test_html_without_article_text_is_rejected_with_its_reason():
    [problem] = _read(WEB / "nav-only.html")
    assert isinstance(problem, Problem) and "without article text" in problem.message and problem.where.endswith("nav-only.html")


@pytest.mark.parametrize(
    "name, expected",
    [
        pytest.param("ledger.rss", [("ledger:1", date(2021, 4, 16), "full", "MOSCOW, April 15"),
                                    ("ledger:2", date(2021, 4, 17), "summary", "France criticised Germany")], id="rss"),
        pytest.param("eastern.atom", [("eastern:1", date(2021, 4, 18), "full", "China urged Japan"),
                                      ("eastern:2", date(2021, 4, 18), "summary", "Negotiators met again")], id="atom"),
    ],
)
def test_feed_items_are_articles_full_text_or_marked_summary(name, expected):
    articles = _articles(_read(WEB / name))
    got = [(a.id, a.published, dict(a.meta)["content"], a.text.split("\n\n")[1][:len(start)]) for a, (_, _, _, start) in zip(articles, expected)]
    assert got == expected
    assert all(a.title and a.text.startswith(a.title + "\n\n") and a.url.startswith("https://") for a in articles)


@pytest.mark.parametrize(
    "data, reason",
    [
        pytest.param(b"this is not XML at all <<<", "not an RSS or Atom feed", id="not-xml"),
        pytest.param(b"<?xml version='1.0'?><catalog><book/></catalog>", "not an RSS or Atom feed", id="other-xml"),
        pytest.param(b"", "empty feed", id="empty"),
    ],
)
def test_a_file_that_is_not_a_feed_is_rejected(tmp_path, data, reason):
    f = tmp_path / "bad.rss"
    f.write_bytes(data)
    [problem] = _read(f)
    assert isinstance(problem, Problem) and reason in problem.message and problem.where == str(f)


def write_warc(path: Path, *, broken_tail: bool = False) -> None:
    """A small web archive: a warcinfo record, a request, two HTML responses (our pages), an image
    response and a metadata record, gzipped per record as crawlers write them."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = (WEB / "page.html").read_bytes()
    second = (b"<html><head><title>Talks resume</title></head><body><nav><a href='/'>Home</a></nav><article><h1>Talks resume</h1>"
              b"<p>China urged Japan to show restraint on Sunday, the foreign ministry said in a short statement.</p>"
              b"<p>The two sides are to meet again in the spring, according to officials in both capitals.</p></article></body></html>")
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "detente tests"}))
        req = StatusAndHeaders("GET /world HTTP/1.1", [("Host", "ledger.example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record("https://ledger.example.org/world/1", "request", http_headers=req))
        for url, body, ctype, when in (
            ("https://ledger.example.org/world/1", page, "text/html; charset=utf-8", "2021-04-16T09:00:00Z"),
            ("https://wire.example.net/talks", second, "text/html", "2021-04-18T10:00:00Z"),
            ("https://ledger.example.org/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png", "2021-04-16T09:00:01Z"),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                            warc_headers_dict={"WARC-Date": when})
            writer.write_record(rec)
        writer.write_record(writer.create_warc_record("https://ledger.example.org/world/1", "metadata",
                                                      payload=io.BytesIO(b"via: tests"), warc_content_type="text/plain"))
    if broken_tail:
        with path.open("ab") as fh:
            fh.write(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ntruncated")[:-6])


def test_warc_html_responses_become_articles_and_other_records_are_counted(tmp_path):
    f = tmp_path / "crawl.warc.gz"
    write_warc(f)
    items = _read(f)
    articles = _articles(items)
    assert [(a.id, a.url, a.published) for a in articles] == [
        ("crawl:3", "https://ledger.example.org/world/1", date(2021, 4, 16)),  # the page's own date
        ("crawl:4", "https://wire.example.net/talks", date(2021, 4, 18)),  # no page date: the record's
    ]
    assert "Russia expelled ten American diplomats" in articles[0].text and "Subscribe" not in articles[0].text
    [skipped] = [i for i in items if isinstance(i, Problem)]
    assert skipped.severity == "warning" and "4 WARC record(s) skipped" in skipped.message
    assert "1 request" in skipped.message and "1 non-HTML response" in skipped.message and "1 warcinfo" in skipped.message


def test_warc_with_a_bad_record_keeps_the_records_before_it(tmp_path):
    f = tmp_path / "broken.warc.gz"
    write_warc(f, broken_tail=True)
    items = _read(f)
    assert len(_articles(items)) == 2
    errors = [i for i in items if isinstance(i, Problem) and i.severity == "error"]
    assert len(errors) == 1 and "record 7" in errors[0].message and errors[0].where == str(f)


# -- dates -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        pytest.param("2021-04-15", date(2021, 4, 15), id="iso"),
        pytest.param("20210415", date(2021, 4, 15), id="compact"),
        pytest.param("2021-04-15T23:10:00Z", date(2021, 4, 15), id="timestamp"),
        pytest.param("Thu, 15 Apr 2021 09:30:00 GMT", date(2021, 4, 15), id="rfc2822"),
        pytest.param("2021-04-15garbage", None, id="trailing-junk"),
        pytest.param("2021-02-30", None, id="no-such-day"),
        pytest.param("last Tuesday", None, id="words"),
        pytest.param("9" * 5000, None, id="huge-number"),
    ],
)
def test_metadata_dates_are_read_strictly(value, expected):
    found, problem = parse_date(value, "f.jsonl:3")
    assert found == expected
    assert (problem is None) == (expected is not None)
    if problem:
        assert problem.where == "f.jsonl:3" and len(problem.message) < 300


@pytest.mark.parametrize(
    "text, reference, expected",
    [
        pytest.param("MOSCOW, April 15 (Reuters) - Russia said", date(2021, 4, 20), date(2021, 4, 15), id="reuters"),
        pytest.param("KYIV, Jan. 3 (Wire) - Ukraine said", date(2021, 1, 10), date(2021, 1, 3), id="abbreviated"),
        pytest.param("HAVANA, Dec 31 (Wire) - Cuba said", date(2022, 1, 2), date(2021, 12, 31), id="year-before"),
        pytest.param("WASHINGTON (AP) \u2014 The president said", date(2021, 4, 20), None, id="no-day"),
        pytest.param("Russia said on Thursday", date(2021, 4, 20), None, id="no-dateline"),
    ],
)
def test_dateline_dates_take_their_year_from_the_reference(text, reference, expected):
    assert dateline_date(text, reference)[0] == expected


@pytest.mark.parametrize(
    "metadata, text, reference, expected, warning",
    [
        pytest.param("2021-04-16", "MOSCOW, April 15 (Wire) - Russia said", None, date(2021, 4, 16), False, id="metadata-first"),
        pytest.param(None, "MOSCOW, April 15 (Wire) - Russia said", date(2021, 5, 1), date(2021, 4, 15), False, id="then-dateline"),
        pytest.param(None, "Russia said", date(2021, 5, 1), date(2021, 5, 1), False, id="then-date-flag"),
        pytest.param(None, "MOSCOW, April 15 (Wire) - Russia said", None, None, True, id="dateline-without-year"),
        pytest.param(None, "Russia said", None, None, True, id="none-recorded"),
    ],
)
def test_article_date_order_metadata_dateline_flag_none(metadata, text, reference, expected, warning):
    found, problems = article_date(metadata, text, reference, "x.txt")
    assert found == expected
    assert [p.severity for p in problems] == (["warning"] if warning else [])


def test_dateline_date_reaches_the_article_through_the_reader(tmp_path):
    f = tmp_path / "wire.txt"
    f.write_text("Russia expels diplomats\n\nMOSCOW, April 15 (Wire) - Russia expelled ten American diplomats.\n", encoding="utf-8")
    [read] = _read(f, default_date=date(2021, 4, 30))
    assert read.article.published == date(2021, 4, 15) and read.problems == ()


# -- through spaCy -----------------------------------------------------------------------------------


@pytest.mark.spacy
def test_web_inputs_code_to_the_expected_events(tmp_path):
    import json

    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    result = subprocess.run([sys.executable, "-m", "detente.cli", "code", str(WEB), str(warc)], capture_output=True, cwd=ROOT, timeout=300)
    assert result.returncode == 2  # nav-only.html has no article text
    assert b"Traceback" not in result.stderr and b"nav-only.html: HTML page without article text" in result.stderr
    events = {(e["article_id"], e["date"], e["source"], e["cameo"], e["target"]) for e in map(json.loads, result.stdout.splitlines())}
    assert {
        ("page", "2021-04-16", "RUS", "161", "USAGOV"),
        ("page", "2021-04-16", "FRA", "111", "DEU"),
        ("ledger:1", "2021-04-16", "RUS", "161", "USAGOV"),
        ("ledger:2", "2021-04-17", "FRA", "111", "DEU"),
        ("eastern:1", "2021-04-18", "CHN", "0256", "JPN"),
        ("crawl:3", "2021-04-16", "RUS", "161", "USAGOV"),
        ("crawl:4", "2021-04-18", "CHN", "0256", "JPN"),
    } <= events
    assert not any(e[2] == "CHN" and e[3].startswith("19") for e in events)  # the reader comment is not the article
