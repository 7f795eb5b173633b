# jixiao — the two commands a new user needs: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# the sample documents (samples/bad holds files that must fail; expected/ and generators/ are not documents)
SAMPLE_DOCS := $(filter-out samples/bad/ samples/expected/ samples/generators/ samples/__pycache__/,$(sort $(wildcard samples/*/)))
SHARED ?= ../shared

.PHONY: run test test-fast lint samples score bench clean charts screenshots serve

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --quiet -e '.[all,dev]'  # -qq: no setuptools notice about editable installs
	touch $(STAMP)

## make run: set up .venv, extract every form in samples/ into out/ (Parquet, CSV, DuckDB), build the
## panel (out/panel.parquet, out/panel_linkage.txt) and its charts (out/charts/*.png)
run: $(STAMP)
	$(BIN)/jixiao extract $(SAMPLE_DOCS) -o out/ --format parquet,csv,duckdb
	$(BIN)/jixiao panel out/ --charts out/charts
	$(BIN)/python -m jixiao.summary out/

## make charts: refresh the README's pictures (docs/*.png) from the sample data (after make run)
charts: $(STAMP)
	$(BIN)/jixiao panel out/ -o out/ --charts docs/ -q

## make test: set up .venv and run the whole test suite (OCR included; LibreOffice/Chromium tests are
## skipped, with the line that installs them, where those programs are missing)
test: $(STAMP)
	$(BIN)/python -m pytest

## make test-fast: skip the tests that need LibreOffice or OCR
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not soffice and not ocr and not slow"

## make lint: ruff (rules in pyproject.toml); the layer and import-cycle checks are tests/test_architecture.py
lint: $(STAMP)
	$(BIN)/ruff check .

## make samples: regenerate samples/ and samples/expected/ (needs LibreOffice for PDF/DOC/XLS)
samples: $(STAMP)
	$(BIN)/python samples/make_samples.py

## make score: score the dev corpus with the shared scorer (only where ../shared exists)
score: $(STAMP)
	@if [ -d $(SHARED)/corpus/dev ]; then \
	  rm -rf out/score && $(BIN)/jixiao extract $(SHARED)/corpus/dev/docs -o out/score --format csv -q; \
	  $(PY) $(SHARED)/tools/score.py extract --truth $(SHARED)/corpus/dev --out out/score --show 30; \
	  $(BIN)/jixiao normalize $(SHARED)/corpus/normalize-dev.csv > out/normalize-pred.csv; \
	  $(PY) $(SHARED)/tools/score.py normalize --truth $(SHARED)/corpus/normalize-dev.csv --pred out/normalize-pred.csv; \
	else echo "no $(SHARED): the scorer and dev corpus are not in this clone"; fi

## make bench: speed and memory side by side with the peer tools (see benchmarks/README.md)
bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf out/ .pytest_cache build *.egg-info

## make screenshots: the README's report and web-page screenshots (docs/), taken by the browser tests in Chromium
screenshots: $(STAMP)
	JIXIAO_SCREENSHOTS=docs $(BIN)/python -m pytest tests/test_report_browser.py tests/test_serve_browser.py -q

## make serve: the local web page for converting forms (http://127.0.0.1:8765/)
serve: $(STAMP)
	$(BIN)/jixiao serve
