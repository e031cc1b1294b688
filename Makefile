# Two set-up commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: demo test install dev clean bench bench-analyze fuzz

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[serve]'
	touch $@

$(DEVSTAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(STAMP)

install: $(STAMP)
dev: $(DEVSTAMP)

demo: $(STAMP)
	$(BIN)/detente demo
	@echo "open the dashboard: $(BIN)/detente serve --db detente-demo.duckdb   (then http://127.0.0.1:8000)"

test: $(DEVSTAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_pipeline.py

bench-analyze: $(STAMP)  # dyad, alerts and top on 1,000,000 synthetic events (docs/analysis.md)
	$(BIN)/python benchmarks/bench_analyze.py

fuzz: $(STAMP)  # the long fuzz run of every reader and the pipeline, 10,000 documents (docs/fuzzing.md); not in make test
	$(BIN)/python tools/fuzz_ingest.py --docs 10000 --seed 14 --out fuzz-report.json

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
