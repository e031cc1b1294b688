"""Hand-built stores for the serve tests (no spaCy): a small corpus with a RUS–USA dyad both ways,
undated events, quotations linked to statement events, and articles whose every field carries markup
(the XSS articles: their text must show as text in every page)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from detente.model import Article, CodedArticle, Event, Mention, ParsedDoc, Quote, Sentence
from detente.store import Writer

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'
XSS_TEXT = f"Russia {SCRIPT} criticized the US {IMG} on Monday. \"We {SCRIPT} reject it,\" Peskov said."


def _mention(text: str, start: int, code: str, name: str | None = None, via: str = "countries.toml:1") -> Mention:
    return Mention(start, start + len(text), text, code, "country", via, name=name)


def article(aid: str, day: date | None, pairs: list[tuple[str, str, str]], *, text: str | None = None,
            title: str | None = None, url: str | None = None, outlet: str = "Example Wire", quoted: bool = True,
            speaker: str = "Peskov") -> CodedArticle:
    """An article whose text is ``Russia criticized the US …``, with one event per ``(source, target,
    cameo)`` (the mentions at fixed offsets) and, with ``quoted``, one quotation linked to the first."""
    text = text or "Russia criticized the US on Thursday. \"We reject it,\" Peskov said."
    src_at, tgt_at = text.index("Russia"), text.index("the US")
    trig = text.index("criticized")
    qstart = text.index('"') + 1
    qend = text.index('"', qstart)
    spk = text.index(speaker)
    events = []
    for n, (source, target, cameo) in enumerate(pairs, 1):
        quad = {"01": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "11": 3, "12": 3, "13": 3, "16": 3,
                "17": 4, "18": 4, "19": 4, "20": 4}.get(cameo[:2], 3)
        events.append(Event(
            id=f"{aid}:e{n}", article_id=aid, sentence=0, date=day,
            source=_mention("Russia" if source.startswith("RUS") else "the US", src_at if source.startswith("RUS") else tgt_at, source,
                            name="Dmitry Peskov" if source == "RUSGOV" else None),
            target=_mention("the US" if target.startswith("USA") else "Russia", tgt_at if target.startswith("USA") else src_at, target),
            cameo=cameo, plover="ACCUSE" if quad == 3 else ("COERCE" if quad == 4 else "CONSULT"), plover_mode=None,
            quad_class=quad, goldstein=-2.0 if quad == 3 else (-7.0 if quad == 4 else 3.0), modality="asserted",
            quote_id=f"{aid}:q1" if quoted and n == 1 else None, evidence=(0, text.index(".") + 1),
            trigger=(trig, trig + len("criticized")), rule="events:criticize:*", confidence=0.8,
        ))
    quotes = ()
    if quoted:
        quotes = (Quote(f"{aid}:q1", aid, "direct", ((qstart, qend),), speaker,
                        _mention(speaker, spk, "RUSGOV", "Dmitry Peskov"), (spk + len(speaker) + 1, spk + len(speaker) + 5), "say",
                        speaker_name="Dmitry Peskov"),)
    mentions = (_mention("Russia", src_at, "RUS"), _mention("the US", tgt_at, "USA"))
    art = Article(aid, text, title=title or f"Article {aid}", url=url or f"https://example.com/{aid}", source=outlet,
                  published=day)
    first = text.index(".") + 1  # the evidence sentence is the first; no tokens are needed to store it
    doc = ParsedDoc(art, (Sentence(0, 0, first, ()), Sentence(1, first + 1, len(text), ())))
    return CodedArticle(art, doc, mentions=mentions, events=tuple(events), quotes=quotes)


def corpus() -> list[CodedArticle]:
    """12 articles over 2021: RUS→USA criticism and a coercion, USA→RUS answers, RUSGOV statements, two
    undated articles, and the XSS articles."""
    out = []
    start = date(2021, 1, 4)
    for i in range(10):
        day = start + timedelta(weeks=3 * i)
        pairs = [("RUS", "USA", "111"), ("RUSGOV", "USA", "112")] if i % 2 == 0 else [("USA", "RUS", "172"), ("USA", "RUS", "036")]
        out.append(article(f"a{i:02d}", day, pairs))
    out.append(article("undated-1", None, [("RUS", "USA", "111")]))
    out.append(article("undated-2", None, [("USA", "RUS", "111")], quoted=False))
    out.append(article("xss-1", date(2021, 6, 1), [("RUS", "USA", "111")], text=XSS_TEXT, title=f"Markup {SCRIPT} in the title",
                       url="javascript:alert(3)", outlet=IMG))
    out.append(article("xss-2", date(2021, 6, 2), [("RUS", "USA", "111")], text=XSS_TEXT.replace("Peskov", "Zakharova"),
                       title=IMG, speaker="Zakharova"))
    return out


def write(path: Path, articles: list[CodedArticle]) -> Path:
    with Writer(path, command="test") as w:
        for c in articles:
            w.add(c)
    return path


def escalation(path: Path) -> Path:
    """RUS→USA: one criticism a week for 20 weeks, then a week of eight attacks — an escalation alert."""
    articles = []
    start = date(2022, 1, 3)
    for week in range(20):
        articles.append(article(f"calm{week:02d}", start + timedelta(weeks=week), [("RUS", "USA", "111")], quoted=False))
    burst = start + timedelta(weeks=20)
    articles.append(article("burst", burst, [("RUS", "USA", "190")] * 8, quoted=False))
    return write(path, articles)
