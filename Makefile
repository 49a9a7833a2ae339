# reviewkit — the two commands a new user needs: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench lint data clean help

help:
	@echo "make demo   the whole job on the offline PubMed snapshot: searches to report (exports/); FRESH=1 rebuilds"
	@echo "make test   run the whole test suite"
	@echo "make bench  run the benchmarks; figures in benchmarks/results/"
	@echo "make lint   ruff and the import contracts (.importlinter)"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

data: $(STAMP)
	$(BIN)/python -m reviewkit.offline_data fetch

demo: data
	$(BIN)/python -m reviewkit.demo $(if $(FRESH),--fresh)

test: data
	$(BIN)/python -m pytest -n 2 -q

# results land in benchmarks/results/ and are committed, the sweeps' last-run files too
# (bad-input-sweep-last-run.md, mutation-sweep-last-run.md: python -m benchmarks.bad_input_sweep,
# python -m benchmarks.mutation_sweep), with the commit whose code they ran
bench: data
	$(BIN)/python -m benchmarks

lint: $(STAMP)
	$(BIN)/ruff check reviewkit tests benchmarks
	$(BIN)/ruff format --check reviewkit tests benchmarks
	$(BIN)/lint-imports --no-cache

clean:
	rm -rf $(VENV) build .pytest_cache
