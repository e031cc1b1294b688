"""The data model every stage reads and writes (DESIGN.md §3).

Small frozen dataclasses of plain types, pointing back at the article text with character offsets
(like a spaCy ``Span``), so any output can be shown with its evidence. They pickle (Dask), turn into
plain dicts with ``to_dict`` and come back with ``from_dict``; ``from_dict(to_dict(x)) == x`` is a
tested property.

What this module does not do: any parsing, coding or I/O. Stages import it; it imports nothing of
the project.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

Span = tuple[int, int]

MODALITIES = ("asserted", "planned", "hypothetical", "negated", "reported", "denied")
QUOTE_KINDS = ("direct", "indirect", "mixed")
# what made an event: a dictionary pattern on the tree, an attributed quotation (statement), or a
# reported obligation ("X says Y must V": a demand)
ORIGINS = ("pattern", "statement", "demand")
# how a mention's code was found, where later stages need to know it (``via`` says it in words);
# "inferred": an unnamed agent's country taken from its phrase, a locative, the dateline or the story;
# "implied": a target the act itself implies, named by no words of its own (the population of the state
# that declares a state of emergency; the government protesters demand a policy change from)
RESOLUTIONS = ("dictionary", "composed", "metonym", "surname", "coref", "first-person", "parties", "speaker", "given", "inferred", "implied")
SEVERITIES = ("error", "warning")
# what a place is (GDELT's ActionGeo types, without GDELT's split of US and world places)
PLACE_TYPES = ("country", "adm1", "city")


def _span(value: Any) -> Span | None:
    if value is None:
        return None
    start, end = value
    return (int(start), int(end))


def _meta(value: Any) -> tuple[tuple[str, str], ...]:
    """Article metadata as (key, value) pairs: from a list of pairs (as ``to_dict`` writes it) or a
    plain mapping (as a JSONL record gives it)."""
    if not value:
        return ()
    pairs = value.items() if isinstance(value, dict) else value
    return tuple((str(k), str(v)) for k, v in pairs)


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


@dataclass(frozen=True, slots=True)
class Article:
    """One news article. ``id`` is stable: given, else derived from where it was read."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    language: str = "en"
    meta: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "meta": [list(kv) for kv in self.meta],  # pairs, not a dict: a key may repeat
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(
            id=d["id"],
            text=d["text"],
            title=d.get("title"),
            url=d.get("url"),
            source=d.get("source"),
            published=_date(d.get("published")),
            language=d.get("language") or "en",
            meta=_meta(d.get("meta")),
        )

    @staticmethod
    def make_id(text: str, url: str | None = None) -> str:
        """The fallback id: a short hash of the url, else of the text."""
        return hashlib.sha1((url or text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Token:
    """A token of a parsed sentence. ``head`` is a token index in the document; the root points to
    itself. ``start``/``end`` are character offsets into ``Article.text``."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent: str = ""

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Token:
        return cls(**d)


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    tokens: tuple[Token, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "tokens": [t.to_dict() for t in self.tokens],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Sentence:
        return cls(d["index"], d["start"], d["end"], tuple(Token.from_dict(t) for t in d["tokens"]))


@dataclass(frozen=True, slots=True)
class ParsedDoc:
    """An article with its sentences. Token indices (``Token.i``, ``Token.head``) count over the
    whole document, so a token can be found from any stage with ``doc.tokens[i]``."""

    article: Article
    sentences: tuple[Sentence, ...]

    @property
    def tokens(self) -> tuple[Token, ...]:
        return tuple(t for s in self.sentences for t in s.tokens)

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article.to_dict(), "sentences": [s.to_dict() for s in self.sentences]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ParsedDoc:
        return cls(Article.from_dict(d["article"]), tuple(Sentence.from_dict(s) for s in d["sentences"]))


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention: ``code`` a CAMEO actor code (``RUS``, ``RUSGOV``, ``IGOUNO``, ``---GOV`` for a
    role whose country is unknown), ``kind`` what it is, ``via`` how the code was resolved, in words for
    ``explain`` (dictionary entry ``file:line``, ``metonym:…``, ``compose:…``, ``coref:<start>-<end>``).

    Later stages decide on typed fields only, never on ``via``: ``resolution`` (one of
    ``RESOLUTIONS``), ``antecedent`` (the span a pronoun refers to) and ``given`` (``"source"`` or
    ``"target"`` for a span a caller named as an actor, see ``detente.relate``; a pronoun referring to
    it inherits it)."""

    start: int
    end: int
    text: str
    code: str
    kind: str
    via: str
    name: str | None = None  # the resolved person/body ("Dmitry Peskov"), when known
    resolution: str = "dictionary"
    antecedent: Span | None = None
    given: str | None = None

    @property
    def actor(self) -> object:
        """What identifies the actor for "same actor" tests: its code; for a span a caller named, that
        role (two named spans are different actors even when no dictionary knows either); for a named
        person, the code and the name ("Trump attacked Clinton": two people of one code, USAELI); for a body
        a dictionary names, the code and that name ("Democrats accused the GOP": two parties of one code,
        USAPTY)."""
        if self.given:
            return ("given", self.given)
        if self.kind == "person" and self.name and not self.code.startswith("---"):
            return ("person", self.code, self.name)  # not unknown people: "---GOV" and "---GOV" stay one code
        if self.kind == "group" and self.name and self.resolution == "dictionary" and not self.code.startswith("---"):
            return ("group", self.code, self.name)
        return self.code

    def same_actor(self, other: Mention) -> bool:
        """One actor: the same ``actor`` key, or one mention is the other's antecedent (or both share
        one): "Trump said he…" names Trump twice."""
        if self.actor == other.actor:
            return True
        mine = {(self.start, self.end), self.antecedent} - {None}
        theirs = {(other.start, other.end), other.antecedent} - {None}
        if mine & theirs:
            return True
        # a pronoun and a person or a named body (or two pronouns) naming one actor through different mentions
        named = ("person", "pronoun", "group")
        return self.kind in named and other.kind in named and self.code == other.code and bool(self.name) and self.name == other.name

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["antecedent"] = list(self.antecedent) if self.antecedent else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        d = dict(d)
        d["antecedent"] = _span(d.get("antecedent"))
        return cls(**d)


def _mention(d: dict[str, Any] | None) -> Mention | None:
    return Mention.from_dict(d) if d is not None else None


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened: ``type`` one of ``PLACE_TYPES``; ``name`` the place's GeoNames name (a
    country's English name); ``country`` ISO 3166 alpha-3; ``adm1`` the GeoNames ADM1 code with its
    country ("SY.09", "US.NY"), when known; ``lat``/``lon`` the GeoNames coordinates of a city (none
    for a country or ADM1: detente ships no centroids); ``geonameid`` the GeoNames feature id; ``span``
    the place words in the text, when the place came from the text; ``via`` how it was chosen: the
    basis (``locative``, ``sentence``, ``dateline``) and the rule that picked it among namesakes
    (``locative:in+namesake:story``)."""

    type: str
    name: str
    country: str
    adm1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    span: Span | None = None
    via: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["span"] = list(self.span) if self.span else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        d = dict(d)
        d["span"] = _span(d.get("span"))
        return cls(**d)


@dataclass(frozen=True, slots=True)
class Event:
    """A coded event: ``source`` did ``cameo`` to ``target``. ``modality`` is one of ``MODALITIES``;
    ``rule`` is the stable id of the dictionary rule that fired; ``origin`` (one of ``ORIGINS``) says
    which kind of rule made it; ``evidence`` is the clause that carries the event and ``trigger`` the
    word that fired it."""

    id: str
    article_id: str
    sentence: int
    date: date | None
    source: Mention | None
    target: Mention | None
    cameo: str
    plover: str | None
    plover_mode: str | None
    quad_class: int | None
    goldstein: float | None
    modality: str
    quote_id: str | None
    evidence: Span
    trigger: Span
    rule: str
    compound: bool = False
    origin: str = "pattern"
    confidence: float | None = None  # 0-1, from the evidence (the selection stage); None before it
    location: Place | None = None  # where it happened (the geo stage); None: the text does not say

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "sentence": self.sentence,
            "date": self.date.isoformat() if self.date else None,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "modality": self.modality,
            "quote_id": self.quote_id,
            "evidence": list(self.evidence),
            "trigger": list(self.trigger),
            "rule": self.rule,
            "compound": self.compound,
            "origin": self.origin,
            "confidence": self.confidence,
            "location": self.location.to_dict() if self.location else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            id=d["id"],
            article_id=d["article_id"],
            sentence=d["sentence"],
            date=_date(d.get("date")),
            source=_mention(d.get("source")),
            target=_mention(d.get("target")),
            cameo=d["cameo"],
            plover=d.get("plover"),
            plover_mode=d.get("plover_mode"),
            quad_class=d.get("quad_class"),
            goldstein=d.get("goldstein"),
            modality=d["modality"],
            quote_id=d.get("quote_id"),
            evidence=_span(d["evidence"]),
            trigger=_span(d["trigger"]),
            rule=d["rule"],
            compound=bool(d.get("compound", False)),
            origin=d.get("origin", "pattern"),
            confidence=d.get("confidence"),
            location=Place.from_dict(d["location"]) if d.get("location") else None,
        )


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation. ``content`` lists the character spans of what was said (two or more for a split
    quote); ``speaker`` is the mention nearest the quote that names who said it, with its resolved
    code; ``floating`` marks a quote with no cue of its own that inherits the previous speaker."""

    id: str
    article_id: str
    kind: str
    content: tuple[Span, ...]
    speaker_text: str | None
    speaker: Mention | None
    cue: Span | None
    cue_lemma: str | None
    floating: bool = False
    speaker_name: str | None = None
    via: str = ""  # which rule attributed the speaker, for explain
    speaker_role: str | None = None  # the role part of the speaker phrase ("Kremlin spokesperson")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "kind": self.kind,
            "content": [list(s) for s in self.content],
            "speaker_text": self.speaker_text,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": list(self.cue) if self.cue else None,
            "cue_lemma": self.cue_lemma,
            "floating": self.floating,
            "speaker_name": self.speaker_name,
            "via": self.via,
            "speaker_role": self.speaker_role,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(
            id=d["id"],
            article_id=d["article_id"],
            kind=d["kind"],
            content=tuple(_span(s) for s in d["content"]),
            speaker_text=d.get("speaker_text"),
            speaker=_mention(d.get("speaker")),
            cue=_span(d.get("cue")),
            cue_lemma=d.get("cue_lemma"),
            floating=bool(d.get("floating", False)),
            speaker_name=d.get("speaker_name"),
            via=d.get("via", ""),
            speaker_role=d.get("speaker_role"),
        )


@dataclass(frozen=True, slots=True)
class Problem:
    """Something that could not be read or coded: nothing is dropped silently. The one problem type of
    detente, made by ingest (``stage="ingest"``), the parser, every stage and the dictionary loaders.

    ``severity`` is ``error`` (input rejected, or a stage failed on the article) or ``warning``
    (something odd that was worked around, such as a skipped dictionary line); ``article`` is the id
    of the article it concerns (``None`` for input that never became an article, or a dictionary);
    ``where`` is ``file:line`` when it came from a file."""

    stage: str
    message: str
    where: str | None = None
    severity: str = "error"
    article: str | None = None

    def __str__(self) -> str:
        place = self.where or self.article
        return f"{place}: {self.message}" if place else self.message

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Problem:
        return cls(**d)


@dataclass(frozen=True, slots=True)
class Ingested:
    """What ingest read for one article: the article (or a given parse) and the problems met reading
    it (invalid UTF-8 replaced, an unreadable date); the pipeline puts them on the coded article.
    Input that could not become an article at all is a bare ``Problem`` in the stream instead."""

    item: Article | ParsedDoc
    problems: tuple[Problem, ...] = ()

    @property
    def article(self) -> Article:
        return self.item.article if isinstance(self.item, ParsedDoc) else self.item


@dataclass(frozen=True, slots=True)
class TraceStep:
    """One decision a stage took, for ``detente explain``: which rule (its stable id), with what
    outcome (``tried``, ``fired``, ``no-actor``, ``dropped``, ``found``…), and a detail in words."""

    stage: str
    rule: str
    outcome: str
    detail: str = ""

    def __str__(self) -> str:
        return f"[{self.stage}] {self.outcome} {self.rule}{': ' + self.detail if self.detail else ''}"


@dataclass(frozen=True, slots=True)
class CodedArticle:
    article: Article
    doc: ParsedDoc | None
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    problems: tuple[Problem, ...] = ()
    trace: tuple[TraceStep, ...] = field(default=(), compare=False)  # for explain; not serialised

    @property
    def failed(self) -> bool:
        """A stage (or the parser) failed on this article: some of it is not coded."""
        return any(p.severity == "error" and p.stage != "ingest" for p in self.problems)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "doc": self.doc.to_dict() if self.doc else None,
            "mentions": [m.to_dict() for m in self.mentions],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "problems": [p.to_dict() for p in self.problems],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> CodedArticle:
        return cls(
            article=Article.from_dict(d["article"]),
            doc=ParsedDoc.from_dict(d["doc"]) if d.get("doc") else None,
            mentions=tuple(Mention.from_dict(m) for m in d.get("mentions", ())),
            events=tuple(Event.from_dict(e) for e in d.get("events", ())),
            quotes=tuple(Quote.from_dict(q) for q in d.get("quotes", ())),
            problems=tuple(Problem.from_dict(p) for p in d.get("problems", ())),
        )
