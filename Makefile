# zhuanti — two commands: `make demo` and `make test`.
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
DEMO   ?= $(CURDIR)/demo-data

.PHONY: venv install demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

venv: $(BIN)/python

install: venv
	$(BIN)/python -m pip install --quiet -e '.[test]'

demo: install
	ZHUANTI_HOME=$(DEMO) $(BIN)/python bench/generate.py --documents 400 --seed 7 --out $(DEMO)/inbox --package weekly
	ZHUANTI_HOME=$(DEMO) $(BIN)/zhuanti ingest $(DEMO)/inbox
	ZHUANTI_HOME=$(DEMO) $(BIN)/zhuanti status
	@echo "Warehouse: $(DEMO)/warehouse.duckdb  (open it with: duckdb $(DEMO)/warehouse.duckdb)"

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check flows schemas sources warehouse tests bench

bench: install
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) demo-data .pytest_cache
