"""``detente eval geo``: where events happened, against a blind annotation.

The gold set (``geo_places.tsv`` beside this module, our own data: ids, offsets and places, no text)
was made by an annotator who wrote none of the rules (the guide is summarised in ``docs/geo.md``): 199
rows, 195 events of 100 ConfliBERT wire sentences and 40 PolNeAR article sentences, with the country
(ISO alpha-3, or NONE where the text gives no place: statements, calls), the ADM1 and the city where
each happened, and the basis (locative, sentence, dateline, implied, none). The texts are read from
``../shared/eval``: a ConfliBERT document is line ``doc`` (1-based) of
``conflibert-train/cameo_class_train.tsv``, the text before its last tab; a PolNeAR document is
``polnear-dev/text/<doc>.txt``.

Each document is coded whole; each annotated event is matched to detente's event whose trigger span
contains the annotated trigger's offset, else the event of that sentence whose trigger is nearest among
those not sitting on another annotated event's trigger; with none, detente gives no place. Three other
readings are scored beside it:

- ``detente_any``: the same, but the nearest event may be one another annotated event sits on (one
  detente event then answers for two annotated events: its place counts for both);
- ``detente_given``: detente's location rules on the annotated trigger itself (the event's origin
  taken from detente's event at that trigger, else a pattern event), so the place rules are measured
  apart from which events the coder keeps;
- ``gdelt``: the GDELT rule, the first place named in the sentence (a country name, a capital named as
  a government, or a gazetteer city, its namesakes resolved as ours are), else the article's first
  country.

Scores, over annotated events (``trigger`` not ``-``):

- country precision: places given with the annotated country / places given; recall: the same hits /
  events the annotator placed in a country. A place where the annotation says NONE is a precision error.
- city/ADM1 precision: city or ADM1 places given that name the annotated city or ADM1 (same GeoNames
  place as the annotated city, or the same name as the annotated city or ADM1, or the ADM1 holding the
  annotated city) / city or ADM1 places given; recall: the same hits / events annotated with a city or
  ADM1.

What it does not do: hold floors (``tests/accuracy_floors.toml``) or judge the annotation.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from detente.dictionaries.gazetteer import gazetteer, place_key
from detente.doc import DocView
from detente.errors import UserInputError
from detente.geo.locate import Locator
from detente.geo.places import PlaceFinder
from detente.geo.stage import article_locator
from detente.model import Article, CodedArticle, Event, Place

CONFLIBERT_FILE = ("conflibert-train", "cameo_class_train.tsv")
POLNEAR_DIR = ("polnear-dev", "text")
READINGS = ("detente", "detente_any", "detente_given", "gdelt")


@dataclass
class GoldEvent:
    corpus: str
    doc: str
    sentence: tuple[int, int]
    trigger: str
    trigger_start: int
    country: str | None
    adm1: str
    city: str
    basis: str
    found: dict[str, Place | None] = field(default_factory=dict)
    match: str = "none"  # how detente's event was matched: trigger, nearest (in the sentence) or none

    @property
    def key(self) -> str:
        return f"{self.corpus}:{self.doc}"


def gold_path() -> Path:
    return Path(str(resources.files("detente.evaluation") / "geo_places.tsv"))


def read_gold(path: str | Path | None = None) -> list[GoldEvent]:
    """The annotated events (rows with a trigger; ``-`` rows say a sentence reports none)."""
    rows = []
    with open(path or gold_path(), encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            if r["trigger"] == "-":
                continue
            country = r["country"].strip()
            rows.append(GoldEvent(r["corpus"], r["doc"], (int(r["sentence_start"]), int(r["sentence_end"])), r["trigger"],
                                  int(r["trigger_start"]), None if country in ("", "NONE") else country,
                                  r["adm1"].strip(), r["city"].strip(), r["basis"].strip()))
    return rows


def read_texts(shared_eval: Path, gold: list[GoldEvent]) -> dict[str, str]:
    """The text of every annotated document, from ``shared_eval`` (``../shared/eval``)."""
    texts: dict[str, str] = {}
    lines: list[str] | None = None
    for g in gold:
        if g.key in texts:
            continue
        if g.corpus == "conflibert":
            if lines is None:
                path = shared_eval.joinpath(*CONFLIBERT_FILE)
                if not path.is_file():
                    raise UserInputError(f"{path} not found: the geo evaluation reads its ConfliBERT sentences there")
                lines = path.read_text(encoding="utf-8").splitlines()
            texts[g.key] = lines[int(g.doc) - 1].rsplit("\t", 1)[0]
        elif g.corpus == "polnear":
            path = shared_eval.joinpath(*POLNEAR_DIR, f"{g.doc}.txt")
            if not path.is_file():
                raise UserInputError(f"{path} not found: the geo evaluation reads its PolNeAR articles there")
            texts[g.key] = path.read_text(encoding="utf-8")
        else:
            raise UserInputError(f"unknown corpus {g.corpus!r} in the geo annotation; expected conflibert or polnear")
    return texts


def matched_event(coded: CodedArticle, g: GoldEvent, claimed: frozenset[str] = frozenset()) -> Event | None:
    """detente's event at the annotated trigger, else the one of its sentence nearest to it among
    those no other annotated event has at its own trigger (``claimed``: their ids): an event is
    another annotated event's when it sits on that event's trigger."""
    at = [e for e in coded.events if e.trigger[0] <= g.trigger_start < e.trigger[1]]
    if at:
        return at[0]
    a, b = g.sentence
    near = [e for e in coded.events if a <= e.trigger[0] < b and e.id not in claimed]
    return min(near, key=lambda e: abs(e.trigger[0] - g.trigger_start)) if near else None


def gdelt_place(coded: CodedArticle, view: DocView, finder: PlaceFinder, sentence: tuple[int, int]) -> Place | None:
    """The GDELT rule: the first place named in the sentence, else the article's first country."""
    first = view.token_at(sentence[0])
    if first is None:
        return None
    sv = view.view(view.sentence_of[first])
    k = 0
    while k < len(sv.tokens):
        m = sv.mention_at[k]
        if m is not None and m.kind == "country":
            place = finder.country_mention(sv, m)
            if place is None and m.resolution == "metonym":
                country = gazetteer().by_iso3.get(m.code[:3])
                capital = gazetteer().capital(country.iso2) if country else None
                place = finder.from_gazetteer(capital, (m.start, m.end), "gdelt") if capital else None
            if place is not None:
                return place
        elif m is None and sv.tokens[k].pos == "PROPN" and sv.tokens[k].text[:1].isupper():
            run = [k]
            while run[-1] + 1 < len(sv.tokens) and sv.tokens[run[-1] + 1].pos == "PROPN" and sv.mention_at[run[-1] + 1] is None:
                run.append(run[-1] + 1)
            place = finder.named(sv, run, locative=False)
            if place is not None:
                return place
            k = run[-1]
        k += 1
    for m in coded.mentions:
        if m.kind == "country" and len(m.code) >= 3:
            country = gazetteer().by_iso3.get(m.code[:3])
            if country is not None:
                return finder.country_place(country, None, "gdelt:article")
    return None


def _given(coded: CodedArticle, view: DocView, locator: Locator, g: GoldEvent) -> Place | None:
    """detente's location rules on the annotated trigger."""
    k = view.token_covering(g.trigger_start)
    if k is None:
        return None
    n = view.sentence_of[k]
    sv = view.view(n)
    at = [e for e in coded.events if e.trigger[0] <= g.trigger_start < e.trigger[1]]
    origin = at[0].origin if at else "pattern"
    token = sv.tokens[k - sv.base]
    probe = Event(id="probe", article_id=coded.article.id, sentence=n, date=None,
                  source=at[0].source if at else None, target=at[0].target if at else None, cameo="", plover=None,
                  plover_mode=None, quad_class=None, goldstein=None, modality="asserted", quote_id=None,
                  evidence=(token.start, token.end), trigger=(token.start, token.end), rule="eval", origin=origin)
    return locator.locate(sv, n, probe, k - sv.base)


def same_sub_place(place: Place, g: GoldEvent) -> bool:
    """Whether a city/ADM1 place names the annotated city or ADM1."""
    names = {place_key(x) for x in (g.city, g.adm1) if x}
    if place_key(place.name) in names:
        return True
    if g.city:
        for p in gazetteer().lookup(g.city, namesakes=True):
            if place.type == "city" and p.geonameid == place.geonameid:
                return True
            if place.type == "adm1" and p.city and place.adm1 == f"{p.country}.{p.adm1}" and not g.adm1:
                return False  # the annotation names a city: an ADM1 is not it
    if g.adm1 and place.type == "adm1" and g.city:
        return any(place.adm1 == f"{p.country}.{p.adm1}" for p in gazetteer().lookup(g.city, namesakes=True))
    return False


@dataclass
class GeoReport:
    gold: list[GoldEvent]

    def scores(self, reading: str) -> dict[str, Any]:
        given = hit = gold = 0
        sub_given = sub_hit = sub_gold = 0
        errors: Counter = Counter()
        for g in self.gold:
            place = g.found.get(reading)
            gold += g.country is not None
            sub_gold += bool(g.city or g.adm1)
            if place is None:
                if g.country is not None:
                    errors[f"missed:{g.basis}"] += 1
                continue
            given += 1
            ok = place.country == g.country
            hit += ok
            if not ok:
                errors["placed-where-none" if g.country is None else f"wrong-country:{g.basis}"] += 1
            if place.type in ("city", "adm1"):
                sub_given += 1
                good = ok and bool(g.city or g.adm1) and same_sub_place(place, g)
                sub_hit += good
                if not good:
                    errors["wrong-city/adm1"] += 1
        return {
            "country": _prf(hit, given, gold),
            "city_adm1": _prf(sub_hit, sub_given, sub_gold),
            "errors": dict(errors.most_common()),
        }

    def totals(self) -> dict[str, Any]:
        return {
            "events": len(self.gold),
            "documents": len({g.key for g in self.gold}),
            "gold_placed": sum(g.country is not None for g in self.gold),
            "gold_city_adm1": sum(bool(g.city or g.adm1) for g in self.gold),
            "bases": dict(Counter(g.basis for g in self.gold).most_common()),
            "matched": dict(Counter(g.match for g in self.gold).most_common()),
            **{reading: self.scores(reading) for reading in READINGS},
        }

    def format(self) -> str:
        t = self.totals()
        out = [f"geo: {t['events']} annotated events in {t['documents']} documents; {t['gold_placed']} placed in a country, "
               f"{t['gold_city_adm1']} with a city or ADM1 (bases: {', '.join(f'{k} {v}' for k, v in t['bases'].items())})",
               "detente's event for each: " + ", ".join(f"{k} {v}" for k, v in t["matched"].items()),
               f"{'reading':<15} {'country P':>9} {'R':>6} {'F1':>6} {'given':>6}   {'city/ADM1 P':>11} {'R':>6} {'F1':>6} {'given':>6}"]
        for reading in READINGS:
            c, s = t[reading]["country"], t[reading]["city_adm1"]
            out.append(f"{reading:<15} {c['precision']:>9.3f} {c['recall']:>6.3f} {c['f1']:>6.3f} {c['given']:>6}   "
                       f"{s['precision']:>11.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} {s['given']:>6}")
        for reading in READINGS:
            out.append(f"{reading} errors: " + ", ".join(f"{k} {v}" for k, v in t[reading]["errors"].items()))
        return "\n".join(out) + "\n"


def _prf(hit: int, given: int, gold: int) -> dict[str, Any]:
    p = hit / given if given else 0.0
    r = hit / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "hit": hit, "given": given, "gold": gold}


def evaluate_geo(shared_eval: str | Path, pipeline=None, gold: str | Path | None = None) -> GeoReport:
    """Code the annotated documents (texts from ``shared_eval``, i.e. ``../shared/eval``) and score
    every reading (see the module docstring)."""
    from detente.pipeline import Pipeline

    events = read_gold(gold)
    texts = read_texts(Path(shared_eval), events)
    pipeline = pipeline or Pipeline()
    by_doc: dict[str, list[GoldEvent]] = {}
    for g in events:
        by_doc.setdefault(g.key, []).append(g)
    articles = [Article(key, texts[key]) for key in by_doc]
    for coded in pipeline.code(articles):
        view = DocView(coded)
        locator = article_locator(coded)
        finder = locator.finder
        claimed = frozenset(e.id for g in by_doc[coded.article.id] for e in coded.events
                            if e.trigger[0] <= g.trigger_start < e.trigger[1])
        for g in by_doc[coded.article.id]:
            event = matched_event(coded, g, claimed)
            g.found["detente"] = event.location if event is not None else None
            if event is not None:
                g.match = "trigger" if event.trigger[0] <= g.trigger_start < event.trigger[1] else "nearest"
            loose = matched_event(coded, g)
            g.found["detente_any"] = loose.location if loose is not None else None
            g.found["detente_given"] = _given(coded, view, locator, g)
            g.found["gdelt"] = gdelt_place(coded, view, finder, g.sentence)
    return GeoReport(events)
