# One task runner for developers and CI.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: install test lint demo bench
$(VENV):
	python3 -m venv $(VENV)

install: $(VENV)
	$(PY) -m pip install -q -e '.[test]'

test: install
	$(PY) -m pytest -q

lint: install
	$(VENV)/bin/ruff check src tests bench

demo: $(VENV)
	$(PY) -m pip install -q -e .
	$(VENV)/bin/consilience demo

bench: install
	$(PY) bench/ingest.py
	$(PY) bench/names.py
	$(PY) bench/mentions.py
	$(PY) bench/places_realnews.py
	$(PY) bench/stories.py
	$(PY) bench/claims_extract.py
	$(PY) bench/claims_compare.py
	$(PY) bench/events_realnews.py
	$(PY) bench/attribution_realnews.py
	$(PY) bench/compare_realnews.py
	$(PY) bench/resolve_speed.py
