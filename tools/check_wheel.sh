#!/usr/bin/env bash
# Install detente as users do — a built wheel in a fresh virtualenv, not an editable install — and
# code the showcase article with it. Fails on a missing package file, on any problem printed, on a
# non-zero exit, or when the output differs from the development install's.
# Usage: tools/check_wheel.sh [ARTICLE] (default ../shared/showcase/000_67d08ea38d120714.txt;
# a sample article is used when ../shared is absent).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
ARTICLE=${1:-../shared/showcase/000_67d08ea38d120714.txt}
if [ ! -f "$ARTICLE" ]; then
  ARTICLE="$WORK/sample.txt"
  python3 -c "import json,sys; print(json.loads(open('src/detente/data/sample/articles.jsonl').readline())['text'])" > "$ARTICLE"
fi
python3 -m venv "$WORK/build"
"$WORK/build/bin/pip" install --quiet --upgrade pip
"$WORK/build/bin/pip" wheel --quiet --no-deps --wheel-dir "$WORK/dist" "$ROOT"
WHEEL=$(ls "$WORK"/dist/detente-*.whl)
python3 -m venv "$WORK/user"
"$WORK/user/bin/pip" install --quiet "${WHEEL}[serve]"
# every file under src/detente/data, the evaluation's own gold files and every template and asset of the
# dashboard must be in the wheel
python3 - "$WHEEL" <<'PY'
import sys, zipfile, pathlib
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
folders = ("src/detente/data", "src/detente/serve/templates", "src/detente/serve/static")
files = [p for folder in folders for p in pathlib.Path(folder).rglob("*")] + list(pathlib.Path("src/detente/evaluation").glob("*.tsv"))
missing = [str(p) for p in files if p.is_file() and "__pycache__" not in p.parts
           and str(p.relative_to("src")) not in names]
if missing:
    sys.exit("files missing from the wheel: " + ", ".join(missing))
PY
ARTICLE=$(realpath "$ARTICLE")
cd "$WORK"  # away from the source tree, so nothing is imported from it
"$WORK/user/bin/detente" code "$ARTICLE" --date 2021-04-15 > wheel.jsonl 2> wheel.err || { cat wheel.err; echo "check_wheel: the installed wheel exited non-zero"; exit 1; }
if [ -s wheel.err ]; then cat wheel.err; echo "check_wheel: the installed wheel printed problems"; exit 1; fi
"$ROOT/.venv/bin/detente" code "$ARTICLE" --date 2021-04-15 > dev.jsonl
if ! cmp -s wheel.jsonl dev.jsonl; then diff dev.jsonl wheel.jsonl | head -20; echo "check_wheel: wheel and development install disagree"; exit 1; fi
"$WORK/user/bin/detente" quotes "$ARTICLE" > /dev/null
# the store: ingest into a fresh DuckDB file and read the events back as a GDELT table
"$WORK/user/bin/detente" ingest "$ARTICLE" --date 2021-04-15 --db "$WORK/wheel.duckdb" > /dev/null
"$WORK/user/bin/detente" events --db "$WORK/wheel.duckdb" --format gdelt | awk -F'\t' 'NF != 61 { bad = 1 } END { exit (bad || NR == 0) }' \
  || { echo "check_wheel: the installed wheel's store or GDELT export is broken"; exit 1; }
# the dashboard: the installed wheel serves its pages, the API, its own assets and plotly.js from the plotly wheel
PORT=$(python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
"$WORK/user/bin/detente" serve --db "$WORK/wheel.duckdb" --port "$PORT" > serve.log 2>&1 &
SERVER=$!
"$WORK/user/bin/python" - "$PORT" <<'PY' || { kill "$SERVER"; cat serve.log; echo "check_wheel: the installed wheel's dashboard is broken"; exit 1; }
import sys, time, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
for _ in range(100):
    try:
        urllib.request.urlopen(base + "/api/summary", timeout=2)
        break
    except OSError:
        time.sleep(0.1)
for path, needle in (("/", b"Most active dyads"), ("/api/events?limit=1", b'"items"'), ("/static/detente.css", b"--ink"),
                     ("/static/dyad.js", b"plotly_click"), ("/static/plotly.min.js", b"plotly.js"),
                     ("/static/world/countries-110m.json", b'"Topology"'), ("/docs", b"JSON API")):
    with urllib.request.urlopen(base + path, timeout=10) as r:
        body = r.read()
        assert r.status == 200 and needle in body, path
        assert "script-src 'self'" in r.headers["Content-Security-Policy"], path
PY
kill "$SERVER"
wait "$SERVER" 2>/dev/null || true
echo "check_wheel: $(basename "$WHEEL") installed in a fresh virtualenv codes $(basename "$ARTICLE") like the development install ($(wc -l < wheel.jsonl) events)"
