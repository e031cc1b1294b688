"""The geo stage: every event gets ``Event.location``, the place where it happened, or None when the
text does not say (``locate.py`` has the order of evidence, ``places.py`` what counts as a place and
how namesakes are resolved).

It runs last, after attribution and selection, so it places the events the article keeps, statement
events included. It reads the parse, the actor mentions (country mentions are places; other actors are
not) and the events; it changes nothing but ``location``. The article-level evidence it builds once:
mentions per country (the story, for namesakes) and the dateline's place ("SANTIAGO, Chile (Reuters)
-": Santiago de Chile, not Santiago de Compostela).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace

from detente.dictionaries.countries import code_of_name
from detente.dictionaries.gazetteer import AP_STATES, gazetteer, place_key
from detente.doc import DocView
from detente.geo.locate import Locator
from detente.geo.places import PlaceFinder
from detente.ingest.normalize import dateline_span
from detente.model import CodedArticle, Mention, Place
from detente.stages import StageContext, Tracer, register_stage

_AGENCY = re.compile(r"\([^()]*\)")
_TAIL = re.compile(r"\s*(?:--|[-\u2013\u2014\u2015:])\s*$")
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july "
                    "august september october november december".split())
# mentions that say nothing of which countries the story is about
# (nor does a capital named as a government: "Tripoli" must not vote for Libya when its namesakes are weighed)
_NOT_STORY = frozenset({"inferred", "parties", "first-person", "metonym"})


def story_mentions(mentions: tuple[Mention, ...]) -> tuple[tuple[int, int, str], ...]:
    """(start, end, country) of the mentions that say which countries the article is about: actors
    of a country (ISO alpha-3 = the CAMEO country code), named, not inferred, not pronouns."""
    iso3 = gazetteer().by_iso3
    return tuple((m.start, m.end, m.code[:3]) for m in mentions
                 if m.kind != "pronoun" and m.resolution not in _NOT_STORY and m.code[:3] in iso3)


def story_counts(mentions: tuple[Mention, ...]) -> Counter:
    """Mentions per country of the actors the article names (``story_mentions``)."""
    return Counter(c for _, _, c in story_mentions(mentions))


def dateline_place(text: str, finder: PlaceFinder) -> Place | None:
    """The place of an article's dateline: "SANTIAGO, Chile (Reuters) -" -> Santiago, Chile;
    "HEMPSTEAD, N.Y. (AP) —" -> Hempstead, New York; "KABUL -" -> Kabul; "WASHINGTON -" -> the US
    capital (a dateline names a well-known city alone). None when the place is unknown or ambiguous."""
    span = dateline_span(text)
    if span is None:
        return None
    line = text[span[0]:span[1]]
    body = _TAIL.sub("", _AGENCY.sub("", line)).strip()
    parts = [p.strip() for p in body.split(",")]
    parts = [p for p in parts if p and not any(ch.isdigit() for ch in p) and p.split()[0].lower().rstrip(".") not in _MONTHS]
    if not parts:
        return None
    gaz = gazetteer()
    name = parts[0]
    at = text.find(name, span[0], span[1])
    where = (at, at + len(name)) if at >= 0 else None
    places = gaz.lookup(name, namesakes=True)
    if len(parts) > 1:
        qualifier = parts[-1]
        state = AP_STATES.get(place_key(qualifier)) or next((p.adm1 for p in gaz.lookup(qualifier) if not p.city and p.country == "US"), None)
        if state:
            city = next((p for p in places if p.country == "US" and p.city and p.adm1 == state), None)
            if city is not None:
                return finder.from_gazetteer(city, where, "dateline+state")
            found = gaz.states.get(state)
            return finder.from_gazetteer(found, None, "dateline+state-only") if found else None
        country = gaz.by_iso3.get((code_of_name(qualifier) or "")[:3])
        if country is not None:
            city = next((p for p in places if p.country == country.iso2), None)
            if city is not None:
                return finder.from_gazetteer(city, where, "dateline+country")
            return finder.country_place(country, None, "dateline+country-only")
        return None
    country = gaz.by_iso3.get((code_of_name(name) or "")[:3])
    if country is not None:
        return finder.country_place(country, where, "dateline+country")
    key = place_key(name)
    for iso2 in dict.fromkeys(p.country for p in places):
        capital = gaz.capital(iso2)
        if capital is not None and place_key(capital.name).startswith(key):
            return finder.from_gazetteer(capital, where, "dateline+capital")
    return finder.resolve_name(name, where, locative=True, via="dateline+")


def article_locator(coded: CodedArticle) -> Locator:
    """The article-level evidence, built once per article: mentions per country (plus the dateline's
    country) for namesakes, the dateline's place, and whether the story is American (Georgia)."""
    spans = story_mentions(coded.mentions)
    story = Counter(c for _, _, c in spans)
    text = coded.article.text
    line = dateline_place(text, PlaceFinder(story, False, spans)) if dateline_span(text) else None
    if line is not None:
        story[line.country] += 1
    return Locator(PlaceFinder(story, line is not None and line.country == "USA", spans), line)


class GeoStage:
    """Sets ``Event.location`` on every event (see the module docstring)."""

    name = "geo"
    reads = ("doc", "mentions", "events")
    adds = ("events",)

    def __call__(self, coded: CodedArticle, trace: Tracer | None = None) -> CodedArticle:
        if not coded.events or coded.doc is None:
            return coded
        trace = trace or Tracer(self.name)
        text = coded.article.text
        locator = article_locator(coded)
        view = DocView(coded)
        events = []
        for event in coded.events:
            n = event.sentence
            if not 0 <= n < len(coded.doc.sentences):
                events.append(event)
                continue
            sv = view.view(n)
            trigger = _trigger_token(sv, event.trigger[0])
            place = locator.locate(sv, n, event, trigger)
            if trace.on:
                where = "none" if place is None else f"{place.type} {place.name} ({place.country}) via {place.via}"
                trace("location", "placed" if place else "no place", f"{text[event.trigger[0]:event.trigger[1]]} {event.cameo}: {where}")
            events.append(replace(event, location=place) if place != event.location else event)
        return replace(coded, events=tuple(events))


def _trigger_token(view, offset: int) -> int | None:
    starts = [t.start for t in view.tokens]
    k = bisect_right(starts, offset) - 1
    return k if 0 <= k < len(view.tokens) and view.tokens[k].end > offset else None


@register_stage("geo")
def make_geo_stage(context: StageContext) -> GeoStage:
    return GeoStage()
