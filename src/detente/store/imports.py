"""Import the event data analysts already have — GDELT 2.0 event files, ICEWS coded event files,
POLECAT files — into the store's ``events`` table, with ``dataset`` saying where each row came from, so
every query and analysis works on them as on detente's own events.

Layouts: GDELT 2.0 (61 tab-separated columns, no header; GDELT Event Codebook V2.0), ICEWS (20 columns
with a header, Harvard Dataverse doi:10.7910/DVN/28075) and POLECAT (40 columns with a header,
doi:10.7910/DVN/AJGVIT); docs/store.md lists, per format, which column fills which field and what is
lost. Files may be plain, ``.gz`` or ``.zip`` (every member is read); lines are decoded as UTF-8, falling
back to Latin-1 (with a warning) for a line that is not.

A malformed row is a ``Problem`` naming ``file:line`` and why; the rest of the file is still loaded.
Ids are ``<dataset>:<their id>`` (ICEWS: ``icews:<Event ID>:<Event Date>``, because ICEWS reuses an
Event ID on another date), so importing a file again replaces its rows instead of adding them, and a
row repeating an id replaces the earlier one (repeats within a file are counted in a warning).

What it does not do: code text, or map PLOVER back to CAMEO (POLECAT rows have no CAMEO code).
"""

from __future__ import annotations

import gzip
import re
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import urlparse

from detente import cameo
from detente.dictionaries.countries import code_of_name, country_codes
from detente.dictionaries.gazetteer import gazetteer
from detente.export import CAMEO_TYPE_CODES, EVENT_ROW_FIELDS, GDELT_COLUMNS
from detente.model import Problem
from detente.store.writer import Writer, WriteSummary

FORMATS = ("gdelt", "icews", "polecat")

ICEWS_COLUMNS = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code", "Intensity",
    "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District",
    "Province", "Country", "Latitude", "Longitude",
]
POLECAT_COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts", "Actor Name",
    "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title", "Actor Name Raw",
    "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector",
    "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type", "Source",
    "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language", "Version",
]
_POLECAT_EXTRA = ("Headline", "Event Text", "Feed", "Story ID")  # carried by some files; dropped by name
_QUADS = {"VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3, "MATERIAL CONFLICT": 4}

# ICEWS sector names -> a CAMEO type code, first match wins (so a defence ministry, "Military,Government",
# is MIL); matched as lower-case words inside the comma-separated sector list.
ICEWS_SECTORS = (
    ("military", "MIL"), ("army", "MIL"), ("navy", "MIL"), ("air force", "MIL"), ("police", "COP"),
    ("judicial", "JUD"), ("legislative", "LEG"), ("parliament", "LEG"), ("executive", "GOV"), ("government", "GOV"),
    ("ministry", "GOV"), ("cabinet", "GOV"), ("rebel", "REB"), ("insurgent", "INS"), ("separatist", "SEP"),
    ("opposition", "OPP"), ("political party", "PTY"), ("parties", "PTY"), ("media", "MED"), ("news", "MED"),
    ("business", "BUS"), ("education", "EDU"), ("labor", "LAB"), ("refugee", "REF"), ("ngo", "NGO"),
)

Row = dict[str, Any]
Item = Row | Problem


@dataclass
class ImportSummary:
    files: int
    written: WriteSummary
    rejected: int  # malformed rows, each reported
    repeated: int  # rows whose id an earlier row of the same file had (the later one is kept)

    def line(self, kind: str) -> str:
        return (f"{self.written.events} {kind} event{'s' if self.written.events != 1 else ''} imported from {self.files} "
                f"file{'s' if self.files != 1 else ''}; {self.rejected} malformed row{'s' if self.rejected != 1 else ''} rejected"
                + (f"; {self.repeated} repeated id{'s' if self.repeated != 1 else ''} (later rows kept)" if self.repeated else ""))


# -- reading files ---------------------------------------------------------------------------------

def _lines(path: Path) -> Iterator[tuple[str, int, bytes]]:
    """(where, line number, raw line) of a plain, gzip or zip file (every member of a zip)."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            for member in zf.infolist():
                if member.is_dir():
                    continue
                with zf.open(member) as fh:
                    for n, line in enumerate(fh, 1):
                        yield f"{path}!{member.filename}", n, line
        return
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        for n, line in enumerate(fh, 1):
            yield str(path), n, line


def _rows(path: Path) -> Iterator[tuple[str, int, list[str], bool]]:
    """Tab-split lines, decoded (``True`` when Latin-1 was needed); blank lines are skipped."""
    for where, n, raw in _lines(path):
        raw = raw.rstrip(b"\r\n")
        if not raw.strip():
            continue
        try:
            text, latin = raw.decode("utf-8"), False
        except UnicodeDecodeError:
            text, latin = raw.decode("latin-1"), True
        if n == 1:
            text = text.lstrip("\ufeff")  # a byte-order mark some tools write before the header
        yield where, n, text.split("\t"), latin


def _bad(where: str, n: int, message: str) -> Problem:
    return Problem("import", message, f"{where}:{n}")


def _none(value: str | None) -> str | None:
    """A cell's value: surrounding quotes stripped; empty, ``NA`` and ``None`` are missing."""
    if value is None:
        return None
    v = value.strip()
    if len(v) >= 2 and v[0] == v[-1] == '"':
        v = v[1:-1].strip()
    return None if v in ("", "NA", "None", "NULL") else v


def _float(value: str | None, what: str) -> float | None:
    v = _none(value)
    if v is None:
        return None
    try:
        return float(v)
    except ValueError:
        raise ValueError(f"{what} {v!r} is not a number") from None


def _day(value: str | None, what: str) -> date | None:
    v = _none(value)
    if v is None:
        return None
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", v)  # ICEWS Events.2017 (2020 re-release): M/D/YYYY
    try:
        if m:
            return date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
        if re.fullmatch(r"\d{8}", v):  # GDELT SQLDATE
            return date(int(v[:4]), int(v[4:6]), int(v[6:]))
        return date.fromisoformat(v[:10])
    except ValueError:
        raise ValueError(f"{what} {v!r} is not a date (YYYY-MM-DD, YYYYMMDD or M/D/YYYY)") from None


def _cameo(value: str | None) -> tuple[str, bool]:
    """A CAMEO code as text, and whether a lost leading zero was put back ("40" -> "040")."""
    v = _none(value)
    if v is None:
        raise ValueError("CAMEO code is missing")
    if cameo.is_valid(v):
        return v, False
    if v.isdigit() and cameo.is_valid("0" + v):
        return "0" + v, True
    raise ValueError(f"CAMEO code {v!r} is not a CAMEO 1.1b3 code")


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).netloc.lower()
    return host.removeprefix("www.") or None


def _base(**fields: Any) -> Row:
    row: Row = dict.fromkeys(EVENT_ROW_FIELDS)
    row.update(fields)
    return row


def _scores(code: str) -> dict[str, Any]:
    s = cameo.scores(code)
    return {"plover": s["plover"], "plover_mode": s["plover_mode"], "quad_class": s["quad_class"], "goldstein": s["goldstein"]}


# -- locations -------------------------------------------------------------------------------------

_GDELT_GEO_TYPES = {"1": "country", "2": "adm1", "3": "city", "4": "city", "5": "adm1"}
_POLECAT_FEATURES = {"PCLI": "country", "PCLD": "country", "PCLF": "country", "PCLS": "country", "PCLIX": "country", "PCL": "country",
                     "ADM1": "adm1", "ADM1H": "adm1"}


def _iso3_of_fips(fips: str | None) -> str | None:
    if not fips:
        return None
    for c in gazetteer().country_info.values():
        if c.fips == fips:
            return c.iso3
    return None


def _iso3_of_name(name: str | None) -> str | None:
    """An ISO alpha-3 code from a country name (ICEWS) or code (POLECAT)."""
    if not name:
        return None
    gaz = gazetteer()
    if name.upper() in gaz.by_iso3:
        return name.upper()
    code = code_of_name(name)
    if code and code[:3] in gaz.by_iso3:
        return code[:3]
    folded = name.strip().lower()
    return next((c.iso3 for c in gaz.country_info.values() if c.name.lower() == folded), None)


def gdelt_location(g: dict[str, str]) -> dict[str, Any]:
    """GDELT's ActionGeo columns -> the ``place_*`` fields: the type number to country/adm1/city, the
    FIPS country code to ISO alpha-3, the FIPS ADM1 code ("SY09", "USTX") to GeoNames' form ("SY.09",
    "US.TX": GeoNames uses the FIPS ADM1 codes for most countries and postal codes for US states),
    a numeric FeatureID as ``place_id``."""
    kind = _GDELT_GEO_TYPES.get(_none(g.get("ActionGeo_Type")) or "")
    if kind is None:
        return {}
    fips = _none(g.get("ActionGeo_CountryCode"))
    iso3 = _iso3_of_fips(fips)
    if iso3 is None:
        return {}
    adm1 = _none(g.get("ActionGeo_ADM1Code"))
    iso2 = gazetteer().by_iso3[iso3].iso2
    feature = _none(g.get("ActionGeo_FeatureID"))
    name = _none(g.get("ActionGeo_FullName")) or ""
    return {
        "place_type": kind, "place_name": name.split(",")[0].strip() or None, "place_country": iso3,
        "place_adm1": f"{iso2}.{adm1[2:]}" if adm1 and len(adm1) > 2 and fips and adm1.startswith(fips) else None,
        "place_lat": _float(g.get("ActionGeo_Lat"), "ActionGeo_Lat"), "place_lon": _float(g.get("ActionGeo_Long"), "ActionGeo_Long"),
        "place_id": int(feature) if feature and re.fullmatch(r"-?\d+", feature) else None, "place_via": "gdelt:ActionGeo",
    }


def icews_location(r: dict[str, str]) -> dict[str, Any]:
    """ICEWS's City/Province/Country/Latitude/Longitude -> the ``place_*`` fields: the most precise
    level given names the place (the province's name only: ICEWS gives no ADM1 codes)."""
    iso3 = _iso3_of_name(_none(r.get("Country")))
    if iso3 is None:
        return {}
    city, province = _none(r.get("City")), _none(r.get("Province"))
    kind, name = ("city", city) if city else ("adm1", province) if province else ("country", _none(r.get("Country")))
    return {"place_type": kind, "place_name": name, "place_country": iso3, "place_lat": _float(r.get("Latitude"), "Latitude"),
            "place_lon": _float(r.get("Longitude"), "Longitude"), "place_via": "icews"}


def polecat_location(r: dict[str, str]) -> dict[str, Any]:
    """POLECAT's Placename/City/Province/Country (ISO alpha-3)/Latitude/Longitude/GeoNames ID/Feature
    Type -> the ``place_*`` fields; the GeoNames feature code gives the type (PCLI country, ADM1, a
    populated place PPL* a city)."""
    iso3 = _iso3_of_name(_none(r.get("Country")))
    if iso3 is None:
        return {}
    feature = (_none(r.get("Feature Type")) or "").upper()
    kind = _POLECAT_FEATURES.get(feature) or ("city" if feature.startswith("PPL") or _none(r.get("City")) else "adm1" if _none(r.get("Province")) else "country")
    gid = _none(r.get("GeoNames ID"))
    return {"place_type": kind, "place_name": _none(r.get("Placename")) or _none(r.get("City")) or _none(r.get("Province")),
            "place_country": iso3, "place_lat": _float(r.get("Latitude"), "Latitude"), "place_lon": _float(r.get("Longitude"), "Longitude"),
            "place_id": int(gid) if gid and gid.isdigit() else None, "place_via": "polecat"}


# -- GDELT 2.0 -------------------------------------------------------------------------------------

def read_gdelt(path: Path, notes: dict[str, Any]) -> Iterator[Item]:
    """GDELT 2.0 event rows (61 fields, no header) -> event rows. PLOVER category and mode come from
    the CAMEO code through detente's CAMEO2PLOVER table (GDELT codes by an older CAMEO revision whose
    101-108 differ, see ``detente.cameo``)."""
    for where, n, f, latin in _rows(path):
        if n == 1 and f[0].strip() == "GLOBALEVENTID":
            continue  # a header someone added
        if len(f) != len(GDELT_COLUMNS):
            yield _bad(where, n, f"{len(f)} tab-separated fields; a GDELT 2.0 event row has 61 (GDELT 1.0 rows have 57 or 58)")
            continue
        g = dict(zip(GDELT_COLUMNS, f))
        try:
            gid = _none(g["GLOBALEVENTID"])
            if not gid or not gid.isdigit():
                raise ValueError(f"GLOBALEVENTID {gid!r} is not an integer")
            code = _none(g["EventCode"])
            if not code or not re.fullmatch(r"\d{2,4}", code):
                raise ValueError(f"EventCode {code!r} is not a CAMEO code")
            quad = _none(g["QuadClass"])
            if quad is not None and quad not in ("1", "2", "3", "4"):
                raise ValueError(f"QuadClass {quad!r} is not 1-4")
            row = _base(
                event_id=f"gdelt:{gid}", dataset="gdelt", date=_day(g["SQLDATE"], "SQLDATE"),
                source=_none(g["Actor1Code"]), source_text=_none(g["Actor1Name"]),
                target=_none(g["Actor2Code"]), target_text=_none(g["Actor2Name"]),
                **_scores(code), cameo=code, root=_none(g["EventRootCode"]) or code[:2], modality="asserted",
                url=_none(g["SOURCEURL"]), outlet=_domain(_none(g["SOURCEURL"])),
            )
            row["quad_class"] = int(quad) if quad else row["quad_class"]
            goldstein = _float(g["GoldsteinScale"], "GoldsteinScale")
            row["goldstein"] = goldstein if goldstein is not None else row["goldstein"]
            row["sentence"] = 0 if _none(g["IsRootEvent"]) == "1" else None
            row.update(gdelt_location(g))
        except ValueError as exc:
            yield _bad(where, n, str(exc))
            continue
        notes["latin1"] += latin
        yield row


# -- ICEWS -----------------------------------------------------------------------------------------

def icews_actor(name: str | None, sectors: str | None, country: str | None, notes: dict[str, Any]) -> str | None:
    """A CAMEO code for an ICEWS actor: the country (by name, through detente's country table) plus
    the CAMEO type of its first matching sector (``ICEWS_SECTORS``); with no country, the code of a
    country or organisation named like the actor ("United Nations" -> IGOUNO); else ``None``."""
    if country:
        code = code_of_name(country)
        if code is None:
            notes["unknown"].add(country)
            return None
        if name and code_of_name(name) == code:
            return code  # the country itself
        found = (sectors or "").lower()
        for word, kind in ICEWS_SECTORS:
            if word in found:
                return code + kind
        return code
    return code_of_name(name) if name else None


def read_icews(path: Path, notes: dict[str, Any]) -> Iterator[Item]:
    """ICEWS coded event rows (a header and 20 columns; quoted or plain cells; "NA" or empty missing)
    -> event rows. ``Intensity`` (ICEWS's own CAMEO weights) fills ``goldstein``."""
    header: list[str] | None = None
    for where, n, f, latin in _rows(path):
        if header is None:
            header = [_none(h) or "" for h in f]
            missing = [c for c in ("Event ID", "Event Date", "CAMEO Code", "Source Name", "Target Name") if c not in header]
            if missing:
                yield _bad(where, n, f"not an ICEWS event file: the header lacks {', '.join(missing)} "
                                     f"(expected the 20 ICEWS columns: {', '.join(ICEWS_COLUMNS[:5])}…)")
                return
            continue
        if len(f) != len(header):
            yield _bad(where, n, f"{len(f)} tab-separated fields; the header has {len(header)}")
            continue
        r = dict(zip(header, f))
        try:
            eid = _none(r["Event ID"])
            if not eid:
                raise ValueError("Event ID is missing")
            day = _day(r["Event Date"], "Event Date")
            code, padded = _cameo(r["CAMEO Code"])
            notes["padded"] += padded
            story = _none(r.get("Story ID"))
            row = _base(
                event_id=f"icews:{eid}:{day.isoformat() if day else ''}", dataset="icews",
                article_id=f"icews:{story}" if story else None, date=day,
                source=icews_actor(_none(r["Source Name"]), _none(r.get("Source Sectors")), _none(r.get("Source Country")), notes),
                source_text=_none(r["Source Name"]),
                target=icews_actor(_none(r["Target Name"]), _none(r.get("Target Sectors")), _none(r.get("Target Country")), notes),
                target_text=_none(r["Target Name"]),
                cameo=code, root=code[:2], **_scores(code), modality="asserted", outlet=_none(r.get("Publisher")),
            )
            intensity = _float(r.get("Intensity"), "Intensity")
            row["goldstein"] = intensity if intensity is not None else row["goldstein"]
            sentence = _none(r.get("Sentence Number"))
            row["sentence"] = int(sentence) - 1 if sentence and sentence.isdigit() else None
            row.update(icews_location(r))
        except ValueError as exc:
            yield _bad(where, n, str(exc))
            continue
        notes["latin1"] += latin
        yield row


# -- POLECAT ---------------------------------------------------------------------------------------

def _first(value: str | None) -> str | None:
    v = _none(value)
    if v is None:
        return None
    parts = [p.strip() for p in v.split(";") if _none(p)]
    return parts[0] if parts else None


def polecat_actor(country: str | None, sector: str | None, name: str | None) -> str | None:
    """A CAMEO-style code for a POLECAT actor: the first ISO alpha-3 country when detente's table has it,
    plus the primary PLOVER sector when CAMEO has the same type code (GOV, MIL, COP...); with no
    country, the code of an organisation named like the actor; else ``None``."""
    c = _first(country)
    if c and c.upper() in country_codes():
        s = _none(sector)
        return c.upper() + (s.upper() if s and s.upper() in CAMEO_TYPE_CODES else "")
    return code_of_name(_first(name)) if _first(name) else None


def read_polecat(path: Path, notes: dict[str, Any]) -> Iterator[Item]:
    """POLECAT rows (a header and 40 canonical columns) -> event rows: PLOVER ``Event Type``/``Event
    Mode``, ``Event Intensity`` (or ``Intensity``) into ``goldstein``, quad class from ``Quad Code``; no
    CAMEO code. Extra columns (Headline, Event Text, Feed, Story ID) are dropped by name; a header with
    extra names over 40-field rows gets the canonical names; trailing empty fields are ignored."""
    header: list[str] | None = None
    for where, n, f, latin in _rows(path):
        while f and len(f) > len(POLECAT_COLUMNS) and not f[-1].strip():
            f = f[:-1]
        if header is None:
            header = ["Event Intensity" if (_none(h) or "") == "Intensity" else (_none(h) or "") for h in f]
            while header and not header[-1]:
                header.pop()
            missing = [c for c in ("Event ID", "Event Date", "Event Type") if c not in header]
            if missing:
                yield _bad(where, n, f"not a POLECAT file: the header lacks {', '.join(missing)}")
                return
            continue
        if len(f) == len(header):
            r = dict(zip(header, f))
        elif len(f) == len(POLECAT_COLUMNS):
            r = dict(zip(POLECAT_COLUMNS, f))  # a malformed header (Beger 2024): the canonical names apply
        else:
            yield _bad(where, n, f"{len(f)} tab-separated fields; the header has {len(header)} (POLECAT rows have {len(POLECAT_COLUMNS)})")
            continue
        try:
            eid = _none(r.get("Event ID"))
            if not eid:
                raise ValueError("Event ID is missing")
            category = (_none(r.get("Event Type")) or "").upper()
            if category not in cameo.PLOVER_QUAD:
                raise ValueError(f"Event Type {r.get('Event Type')!r} is not a PLOVER category ({', '.join(cameo.PLOVER_QUAD)})")
            quad_text = (_none(r.get("Quad Code")) or "").upper()
            row = _base(
                event_id=f"polecat:{eid}", dataset="polecat", date=_day(r.get("Event Date"), "Event Date"),
                source=polecat_actor(r.get("Actor Country"), r.get("Primary Actor Sector"), r.get("Actor Name")),
                source_text=_none(r.get("Actor Name")) or _none(r.get("Actor Name Raw")),
                target=polecat_actor(r.get("Recipient Country"), r.get("Primary Recipient Sector"), r.get("Recipient Name")),
                target_text=_none(r.get("Recipient Name")) or _none(r.get("Recipient Name Raw")),
                plover=category, plover_mode=_none(r.get("Event Mode")),
                quad_class=_QUADS.get(quad_text) or cameo.PLOVER_QUAD[category],
                goldstein=_float(r.get("Event Intensity"), "Event Intensity"), modality="asserted", outlet=_none(r.get("Source")),
            )
            row.update(polecat_location(r))
        except ValueError as exc:
            yield _bad(where, n, str(exc))
            continue
        notes["latin1"] += latin
        yield row


READERS: dict[str, Callable[[Path, dict[str, Any]], Iterator[Item]]] = {"gdelt": read_gdelt, "icews": read_icews, "polecat": read_polecat}


# -- writing ---------------------------------------------------------------------------------------

def import_files(kind: str, paths: Iterable[str], db: str | Path, *, on_problem: Callable[[Problem], None] | None = None,
                 batch: int = 5_000) -> ImportSummary:
    """Import every file in ``paths`` of format ``kind`` (``gdelt``, ``icews``, ``polecat``) into the
    store at ``db``, ``batch`` rows per transaction. Each malformed row, an unreadable file, and per file a
    warning for Latin-1 lines, unknown country names or repeated ids, goes to ``on_problem`` and into the
    ``problems`` table."""
    if kind not in READERS:
        from detente.errors import UserInputError

        raise UserInputError(f"unknown import format {kind!r}; formats: {', '.join(FORMATS)}")
    paths = list(paths)
    report = on_problem or (lambda p: None)
    rejected = repeated = files = 0
    with Writer(db, command=f"import {kind}", inputs=paths) as writer:
        for raw in paths:
            path = Path(raw)
            seen: set[str] = set()  # per file, so memory stays bounded; across files a repeat still replaces
            rows: dict[str, Row] = {}
            problems: list[Problem] = []
            notes: dict[str, Any] = {"latin1": 0, "padded": 0, "unknown": set(), "repeated": 0}

            def flush() -> None:
                writer.add_events(list(rows.values()), problems)
                rows.clear()
                problems.clear()

            if not path.is_file():
                p = Problem("import", "no such file" if not path.exists() else "not a file", str(path))
                report(p)
                problems.append(p)
                rejected += 1
                flush()
                continue
            files += 1
            try:
                for item in READERS[kind](path, notes):
                    if isinstance(item, Problem):
                        report(item)
                        problems.append(item)
                        rejected += 1
                        continue
                    eid = item["event_id"]
                    if eid in seen:
                        notes["repeated"] += 1
                        rows.pop(eid, None)
                    seen.add(eid)
                    rows[eid] = item
                    if len(rows) >= batch:
                        flush()
            except (OSError, EOFError, zipfile.BadZipFile, gzip.BadGzipFile) as exc:
                p = Problem("import", f"cannot read the file: {exc}", str(path))
                report(p)
                problems.append(p)
                rejected += 1
            for p in _file_warnings(path, kind, notes):
                report(p)
                problems.append(p)
            repeated += notes["repeated"]
            flush()
    return ImportSummary(files, writer.summary, rejected, repeated)


def _file_warnings(path: Path, kind: str, notes: dict[str, Any]) -> Iterator[Problem]:
    def warn(message: str) -> Problem:
        return Problem("import", message, str(path), severity="warning")

    if notes["latin1"]:
        yield warn(f"{notes['latin1']} line(s) were not UTF-8 and were read as Latin-1")
    if notes["padded"]:
        yield warn(f"{notes['padded']} CAMEO code(s) had lost their leading zero and were read with it ('40' as '040')")
    if notes["unknown"]:
        names = sorted(notes["unknown"])
        yield warn(f"{len(names)} country name(s) not in detente's country table, their actors left without a code: "
                   + ", ".join(names[:10]) + (" …" if len(names) > 10 else ""))
    if notes["repeated"]:
        yield warn(f"{notes['repeated']} row(s) repeat an id read earlier in this import; the later row is kept"
                   + (" (ICEWS ids are keyed with their date)" if kind == "icews" else ""))
