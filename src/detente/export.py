"""Writers: coded articles -> JSONL or CSV records of events and quotes (DESIGN.md §5); event rows ->
the GDELT 2.0 event table (61 tab-separated columns) and PLOVER JSON records.

Event records are the ``Event`` fields with the actor mentions flattened (``source``, ``source_text``,
``source_start``, ``source_end``, ``source_via``, the same for ``target``) and the location flattened
(``PLACE_FIELDS``: ``place_type`` country|adm1|city, ``place_name``, ``place_country`` ISO alpha-3,
``place_adm1`` GeoNames ADM1 code, ``place_lat``, ``place_lon``, ``place_id`` GeoNames id, ``place_start``,
``place_end``, ``place_via``; all empty for an event the text does not place) plus ``sentence_text`` (the
event's sentence, with the next ones when its evidence runs on: a quotation over two sentences). Quote
records carry ``id``, ``article_id``, ``kind``, ``content`` (character spans), ``text``, the speaker
(``speaker_text``, ``speaker_start``, ``speaker_end``, ``speaker_name``, ``speaker_role``, ``speaker`` code), ``cue``,
``cue_lemma``, ``floating`` and ``via``. CSV has the same columns, lists written as JSON.
"""

from __future__ import annotations

import csv
import json
import hashlib
from datetime import date, datetime, timezone
from typing import IO, Any, Iterable, Iterator

from detente.cameo import PLOVER_REVISION, lookup, plover_quad
from detente.dictionaries.countries import country_codes
from detente.dictionaries.gazetteer import gazetteer
from detente.model import CodedArticle, Event, Mention, Place, Quote

PLACE_FIELDS = ["place_type", "place_name", "place_country", "place_adm1", "place_lat", "place_lon", "place_id", "place_start", "place_end", "place_via"]
EVENT_FIELDS = [
    "id", "article_id", "date", "sentence", "source", "source_text", "source_start", "source_end", "source_via",
    "target", "target_text", "target_start", "target_end", "target_via", "cameo", "plover", "plover_mode",
    "quad_class", "goldstein", "modality", "compound", "quote_id", "trigger", "trigger_text", "evidence",
    "origin", "rule", "confidence", *PLACE_FIELDS, "sentence_text",
]
QUOTE_FIELDS = [
    "id", "article_id", "kind", "content", "text", "speaker_text", "speaker_start", "speaker_end",
    "speaker_name", "speaker_role", "speaker", "cue", "cue_lemma", "floating", "via",
]


def _actor(prefix: str, m: Mention | None) -> dict[str, Any]:
    if m is None:
        return {prefix: None, f"{prefix}_text": None, f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_via": None}
    return {prefix: m.code or None, f"{prefix}_text": m.text, f"{prefix}_start": m.start, f"{prefix}_end": m.end, f"{prefix}_via": m.via}


def place_fields(place: Place | None) -> dict[str, Any]:
    """An event's location as the flat ``PLACE_FIELDS`` (all None for no place)."""
    if place is None:
        return dict.fromkeys(PLACE_FIELDS)
    return {
        "place_type": place.type, "place_name": place.name, "place_country": place.country, "place_adm1": place.adm1,
        "place_lat": place.lat, "place_lon": place.lon, "place_id": place.geonameid,
        "place_start": place.span[0] if place.span else None, "place_end": place.span[1] if place.span else None, "place_via": place.via,
    }


def event_record(coded: CodedArticle, event: Event) -> dict[str, Any]:
    text = coded.article.text
    sentence_text = None
    if coded.doc is not None and 0 <= event.sentence < len(coded.doc.sentences):
        # a statement whose quotation runs on into the next sentences ("'We want talks,' he said. 'Sadly,
        # Ukraine …'"): the text is every sentence its evidence spans
        sentences = coded.doc.sentences
        first = last = event.sentence
        while first > 0 and sentences[first - 1].end > event.evidence[0]:
            first -= 1
        while last + 1 < len(sentences) and sentences[last + 1].start < event.evidence[1]:
            last += 1
        sentence_text = text[sentences[first].start : sentences[last].end]
    return {
        "id": event.id,
        "article_id": event.article_id,
        "date": event.date.isoformat() if event.date else None,
        "sentence": event.sentence,
        **_actor("source", event.source),
        **_actor("target", event.target),
        "cameo": event.cameo,
        "plover": event.plover,
        "plover_mode": event.plover_mode,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "modality": event.modality,
        "compound": event.compound,
        "quote_id": event.quote_id,
        "trigger": list(event.trigger),
        "trigger_text": text[event.trigger[0] : event.trigger[1]],
        "evidence": list(event.evidence),
        "origin": event.origin,
        "rule": event.rule,
        "confidence": event.confidence,
        **place_fields(event.location),
        "sentence_text": sentence_text,
    }


# The flat event row the store keeps and the GDELT/PLOVER writers read: the columns of the shared
# ``events`` table contract (docs/store.md) first, then the rest of the evidence.
EVENT_ROW_FIELDS = [
    "event_id", "dataset", "article_id", "date", "source", "source_text", "target", "target_text", "cameo",
    "root", "quad_class", "goldstein", "plover", "plover_mode", "modality", "confidence", "url", "outlet",
    "sentence_text", "sentence", "source_start", "source_end", "source_via", "source_name", "target_start", "target_end",
    "target_via", "target_name", "compound", "quote_id", "origin", "rule", "trigger_start", "trigger_end", "trigger_text",
    "evidence_start", "evidence_end", *PLACE_FIELDS,
]


def event_row(coded: CodedArticle, event: Event, dataset: str = "detente") -> dict[str, Any]:
    """One event as a flat row (``EVENT_ROW_FIELDS``): the JSONL record's content with spans split into
    start/end, the CAMEO root, and the article's ``url`` and ``outlet`` (``Article.source``)."""
    r = event_record(coded, event)
    return {
        "event_id": r["id"], "dataset": dataset, "article_id": r["article_id"], "date": event.date,
        "source": r["source"], "source_text": r["source_text"], "target": r["target"], "target_text": r["target_text"],
        "cameo": event.cameo, "root": event.cameo[:2] or None, "quad_class": event.quad_class, "goldstein": event.goldstein,
        "plover": event.plover, "plover_mode": event.plover_mode, "modality": event.modality, "confidence": event.confidence,
        "url": coded.article.url, "outlet": coded.article.source, "sentence_text": r["sentence_text"], "sentence": event.sentence,
        "source_start": r["source_start"], "source_end": r["source_end"], "source_via": r["source_via"],
        "source_name": event.source.name if event.source else None,
        "target_start": r["target_start"], "target_end": r["target_end"], "target_via": r["target_via"],
        "target_name": event.target.name if event.target else None,
        "compound": event.compound, "quote_id": event.quote_id, "origin": event.origin, "rule": event.rule,
        "trigger_start": event.trigger[0], "trigger_end": event.trigger[1], "trigger_text": r["trigger_text"],
        "evidence_start": event.evidence[0], "evidence_end": event.evidence[1],
        **place_fields(event.location),
    }


def event_rows(coded: Iterable[CodedArticle]) -> Iterator[dict[str, Any]]:
    for c in coded:
        for e in c.events:
            yield event_row(c, e)


def plover_contexts(cameo: str | None) -> tuple[str, ...]:
    """PLOVER context tags of a CAMEO code (CAMEO2PLOVER-2021), for the PLOVER export."""
    entry = lookup(cameo) if cameo else None
    return entry.plover_contexts if entry else ()


def quote_record(coded: CodedArticle, quote: Quote) -> dict[str, Any]:
    text = coded.article.text
    sp = quote.speaker
    return {
        "id": quote.id,
        "article_id": quote.article_id,
        "kind": quote.kind,
        "content": [list(s) for s in quote.content],
        "text": " … ".join(text[a:b].strip() for a, b in quote.content),
        "speaker_text": quote.speaker_text,
        "speaker_start": sp.start if sp else None,
        "speaker_end": sp.end if sp else None,
        "speaker_name": quote.speaker_name,
        "speaker_role": quote.speaker_role,
        "speaker": (sp.code or None) if sp else None,
        "cue": list(quote.cue) if quote.cue else None,
        "cue_lemma": quote.cue_lemma,
        "floating": quote.floating,
        "via": quote.via,
    }


def event_records(coded: Iterable[CodedArticle]) -> Iterator[dict[str, Any]]:
    for c in coded:
        for e in c.events:
            yield event_record(c, e)


def quote_records(coded: Iterable[CodedArticle]) -> Iterator[dict[str, Any]]:
    for c in coded:
        for q in c.quotes:
            yield quote_record(c, q)


def write_records(records: Iterable[dict[str, Any]], out: IO[str], fmt: str, fields: list[str]) -> int:
    """Write records as JSONL or CSV; returns how many were written. Streams: one record at a time."""
    n = 0
    if fmt == "jsonl":
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for record in records:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in record.items()})
            n += 1
    else:
        raise ValueError(f"unknown format {fmt!r}")
    return n


# --- GDELT 2.0 event table ------------------------------------------------------------------------

# The 61 columns of the GDELT 2.0 event table, in order (GDELT Event Codebook V2.0; docs/store.md says
# how each is filled). Files have no header row, as GDELT's daily files.
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]

# CAMEO actor type (role/sector) codes: CAMEO manual ch. 4 "Actor codes", the agent codes detente's
# agents.toml uses, and the organisation-type prefixes of known groups.
CAMEO_TYPE_CODES = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL ELI HLH LAB LEG REF AGR DEV HRI IGO MNC NGO NGM "
    "UAF RAD MOD INS SEP PKO INT ENV SET UIS AMN IRC GRP".split()
)
# CAMEO religion codes (CAMEO Religious Coding System, top level and the most common second level)
CAMEO_RELIGION_CODES = frozenset(
    "ADR ALE ATH BAH BUD CHR CON DRZ HIN JAN JEW MOS SHN SIK TAO ZRO CTH ORT PRO SUN SHI".split()
)
_GROUP_PREFIXES = ("IGO", "NGO", "NGM", "MNC", "REB", "INS", "SEP")  # a known group's code follows these


def gdelt_event_id(event_id: str) -> int:
    """GDELT's integer GLOBALEVENTID for one of our ids: an imported GDELT event keeps its own
    (``gdelt:1037...`` -> 1037...); any other id becomes a stable 52-bit integer from its SHA-1, so the
    same event always gets the same number (and it stays exact in a JavaScript or float column)."""
    if event_id.startswith("gdelt:") and event_id[6:].isdigit():
        return int(event_id[6:])
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:13], 16)


def gdelt_actor(code: str | None) -> dict[str, str]:
    """A CAMEO actor code split into GDELT's actor columns (without ``Name``): the country when the
    first three letters are one, then 3-letter parts as type codes (up to three), religion codes, and
    the part after an IGO/NGO/NGM/MNC/REB/INS/SEP code as the known-group code ("IGOUNO" -> KnownGroupCode
    UNO, Type1Code IGO; "PSEREBHMS" -> PSE, REB, HMS). Ethnic codes are never produced (detente does not code ethnicity)."""
    out = dict.fromkeys(("Code", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                         "Type1Code", "Type2Code", "Type3Code"), "")
    if not code:
        return out
    out["Code"] = code
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    if parts[0] in country_codes():
        out["CountryCode"] = parts.pop(0)
    types: list[str] = []
    religions: list[str] = []
    after_group = False
    for part in parts:
        if part == "---":  # the unknown-country placeholder of "---GOV"
            continue
        if after_group and not out["KnownGroupCode"] and part not in CAMEO_TYPE_CODES:
            out["KnownGroupCode"] = part
        elif part in CAMEO_TYPE_CODES:
            types.append(part)
        elif part in CAMEO_RELIGION_CODES:
            religions.append(part)
        elif not out["KnownGroupCode"] and not out["CountryCode"]:
            out["KnownGroupCode"] = part
        after_group = after_group or part in _GROUP_PREFIXES
    for n, t in enumerate(types[:3], 1):
        out[f"Type{n}Code"] = t
    for n, r in enumerate(religions[:2], 1):
        out[f"Religion{n}Code"] = r
    return out


def gdelt_geo(row: dict[str, Any]) -> dict[str, Any]:
    """An event row's location as GDELT's ActionGeo columns (GDELT Event Codebook V2.0, "ActionGeo"):
    ``Type`` 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1); ``FullName`` the
    place, its ADM1 state for a US city, and its country ("Chicago, Illinois, United States";
    "Aleppo, Syria"); ``CountryCode`` the FIPS 10-4 country code; ``ADM1Code`` the FIPS country code
    followed by the ADM1 code (GDELT's "USIL", "SY09"; the country code alone for a country);
    ``Lat``/``Long`` (a city's; detente has no country or state centroids, so those stay empty);
    ``FeatureID`` a city's GeoNames id (GDELT's own are GNS/GNIS ids), textual for the other types as in
    GDELT (the country code, or the ADM1 code). The ADM1 part is GeoNames' admin1 code, which is the
    FIPS 10-4 code for most countries and the postal code for US states, as GDELT has them. All empty
    for an event with no place."""
    out = dict.fromkeys(("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"), "")
    kind, iso3 = row.get("place_type"), row.get("place_country")
    if not kind or not iso3 or iso3 != iso3:
        return out
    gaz = gazetteer()
    country = gaz.by_iso3.get(iso3)
    fips = country.fips if country else ""
    us = iso3 == "USA"
    adm1 = row.get("place_adm1") or ""
    adm1 = adm1 if adm1 == adm1 else ""
    part = adm1.split(".", 1)[1] if "." in adm1 else ""
    name = row.get("place_name") or ""
    country_name = country.name if country else iso3
    if kind == "country":
        out.update(Type=1, FullName=country_name, ADM1Code=fips, FeatureID=fips)
    else:
        state = gaz.states.get(part) if us and part else None
        if kind == "adm1":
            out["Type"] = 2 if us else 5
            out["FullName"] = f"{name}, {country_name}"
        else:
            out["Type"] = 3 if us else 4
            out["FullName"] = ", ".join(x for x in (name, state.name if state else "", country_name) if x)
        out["ADM1Code"] = f"{fips}{part}" if part else fips
        out["FeatureID"] = out["ADM1Code"] if kind == "adm1" else _num(row.get("place_id"))
    out["CountryCode"] = fips
    out["Lat"], out["Long"] = _num(row.get("place_lat")), _num(row.get("place_lon"))
    return out


def _as_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _num(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        return f"{value:g}" if value == value else ""  # NaN (a missing value from pandas) stays empty
    return str(value)


def gdelt_row(row: dict[str, Any], added: datetime | None = None) -> list[str]:
    """One event row (``EVENT_ROW_FIELDS``, or the same keys read from the store) as the 61 GDELT
    fields, in ``GDELT_COLUMNS`` order; ``added`` is DATEADDED (the row's ``added`` if it has one, else
    now, UTC). Tabs and newlines inside text fields become spaces so every line keeps 61 fields."""
    day = _as_date(row.get("date"))
    cameo = row.get("cameo") or ""
    when = row.get("added") or added or datetime.now(timezone.utc)
    sentence = row.get("sentence")
    fields: dict[str, Any] = {
        "GLOBALEVENTID": gdelt_event_id(row["event_id"]),
        "SQLDATE": day.strftime("%Y%m%d") if day else "",
        "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": day.year if day else "",
        "FractionDate": f"{day.year + (day.month * 30 + day.day) / 365:.4f}" if day else "",
        "IsRootEvent": "" if sentence is None or sentence != sentence else int(sentence == 0),
        "EventCode": cameo,
        "EventBaseCode": cameo[:3] if len(cameo) > 3 else cameo,
        "EventRootCode": cameo[:2],
        "QuadClass": _num(row.get("quad_class")),
        "GoldsteinScale": _num(row.get("goldstein")),
        "NumMentions": 1, "NumSources": 1, "NumArticles": 1,
        "DATEADDED": when.strftime("%Y%m%d%H%M%S"),
        "SOURCEURL": row.get("url") or row.get("article_id") or "",
    }
    for column, value in gdelt_geo(row).items():
        fields[f"ActionGeo_{column}"] = value
    for n, key in ((1, "source"), (2, "target")):
        for column, value in gdelt_actor(row.get(key)).items():
            fields[f"Actor{n}{column}"] = value
        name = row.get(f"{key}_name") or row.get(f"{key}_text") or ""
        fields[f"Actor{n}Name"] = name.upper() if row.get(key) else ""
    out = []
    for column in GDELT_COLUMNS:
        value = fields.get(column, "")
        text = "" if value is None else str(value)
        out.append(" ".join(text.split()) if ("\t" in text or "\n" in text or "\r" in text) else text)
    return out


def write_gdelt(rows: Iterable[dict[str, Any]], out: IO[str], added: datetime | None = None) -> int:
    """Write event rows as a GDELT 2.0 event table (tab-separated, no header); returns the row count."""
    n = 0
    added = added or datetime.now(timezone.utc)
    for row in rows:
        out.write("\t".join(gdelt_row(row, added)) + "\n")
        n += 1
    return n


# --- PLOVER JSON ----------------------------------------------------------------------------------

# The PLOVER JSON fields a record carries (PLOVER manual, "JSON Data Fields", table tab:json) and the
# fields detente adds (the manual invites named fields beyond its own).
PLOVER_FIELDS = ("id", "date", "source", "recipient", "event", "mode", "context", "quad_code", "event_text", "text",
                 "text_info", "cite_info", "coder")
PLOVER_EXTRA_FIELDS = ("evidence", "location", "cameo", "goldstein", "dataset")
PLOVER_ACTOR_FIELDS = ("code", "sector", "actor_text", "identifier_text", "cameo")  # manual table tab:actorinfo + our full code


def _plover_actor(row: dict[str, Any], key: str) -> dict[str, Any]:
    code = row.get(key)
    country = code[:3] if code and code[:3] in country_codes() else None
    return {
        "code": country or code,
        "sector": (code[3:] or None) if country else None,
        "actor_text": row.get(f"{key}_text"),
        "identifier_text": row.get(f"{key}_name"),
        "cameo": code,
    }


def plover_record(row: dict[str, Any], coder: str = "detente") -> dict[str, Any] | None:
    """One event row as a PLOVER JSON record (PLOVER manual "JSON Data Fields"): ``event`` (a list, as
    the manual has it), ``mode``, ``context`` (CAMEO2PLOVER-2021 tags, a list), ``source`` and
    ``recipient`` (lists of actor objects: ``code`` the country, ``sector`` the rest, ``actor_text``,
    and our full CAMEO code), ``date``, ``quad_code`` (PLOVER's quad of the category, not CAMEO's),
    ``event_text`` (the trigger), ``text`` (the sentence), ``text_info`` (sentence number and evidence
    offsets) and ``cite_info``; then detente's ``evidence`` (sentence, trigger, rule, modality,
    confidence), ``cameo`` and ``goldstein``. ``None`` for an event PLOVER has no category for (CAMEO
    01 statements and 02 appeals): the caller counts those."""
    category = row.get("plover")
    if not category:
        return None
    day = _as_date(row.get("date"))
    confidence = row.get("confidence")
    return {
        "id": row["event_id"],
        "date": day.isoformat() if day else None,
        "source": [_plover_actor(row, "source")] if row.get("source") or row.get("source_text") else [],
        "recipient": [_plover_actor(row, "target")] if row.get("target") or row.get("target_text") else [],
        "event": [category],
        "mode": row.get("plover_mode") or None,
        "context": list(plover_contexts(row.get("cameo"))),
        "quad_code": plover_quad(category),
        "event_text": [row["trigger_text"]] if row.get("trigger_text") else [],
        "text": row.get("sentence_text"),
        "text_info": {"sequence": _int(row.get("sentence")), "start": _int(row.get("evidence_start")), "end": _int(row.get("evidence_end"))},
        "cite_info": {"url": row.get("url"), "publication": row.get("outlet"), "citation": row.get("article_id"),
                      "coder": coder, "codebook": PLOVER_REVISION},
        "coder": coder,
        "evidence": {
            "sentence": row.get("sentence_text"),
            "trigger": row.get("trigger_text"),
            "trigger_span": [_int(row.get("trigger_start")), _int(row.get("trigger_end"))] if row.get("trigger_start") is not None else None,
            "rule": row.get("rule"),
            "modality": row.get("modality"),
            "confidence": None if confidence is None or confidence != confidence else confidence,
        },
        "location": plover_location(row),
        "cameo": row.get("cameo"),
        "goldstein": None if row.get("goldstein") is None or row.get("goldstein") != row.get("goldstein") else row.get("goldstein"),
        "dataset": row.get("dataset"),
    }


def plover_location(row: dict[str, Any]) -> list[dict[str, Any]]:
    """An event row's location as PLOVER JSON ``location`` (the manual's geolocation fields, as
    POLECAT fills them): a list of one place with ``placename``, ``feature_type`` (GeoNames' PCLI,
    ADM1 or PPL), ``country`` (ISO alpha-3), ``admin1``, ``lat``, ``lon``, ``geonameid``, and detente's
    ``via``; empty for an event with no place."""
    kind = row.get("place_type")
    if not kind or kind != kind:
        return []
    clean = {k: (None if row.get(k) is None or row.get(k) != row.get(k) else row.get(k)) for k in PLACE_FIELDS}
    return [{
        "placename": clean["place_name"], "feature_type": {"country": "PCLI", "adm1": "ADM1", "city": "PPL"}.get(kind, kind),
        "country": clean["place_country"], "admin1": clean["place_adm1"], "lat": clean["place_lat"], "lon": clean["place_lon"],
        "geonameid": _int(clean["place_id"]), "via": clean["place_via"],
    }]


def _int(value: Any) -> int | None:
    return None if value is None or value != value else int(value)


def write_plover(rows: Iterable[dict[str, Any]], out: IO[str], coder: str = "detente") -> tuple[int, int]:
    """Write event rows as PLOVER JSON lines; returns (written, left out for having no PLOVER category)."""
    written = skipped = 0
    for row in rows:
        record = plover_record(row, coder)
        if record is None:
            skipped += 1
            continue
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        written += 1
    return written, skipped
