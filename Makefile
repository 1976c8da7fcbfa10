# Two doors for a fresh machine: `make demo` and `make test`. Plain pip + venv on purpose
# (uv needs extra index settings here). torch is installed first, pinned, so nothing pulls
# a CUDA build.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint typecheck bench eval clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q "torch==2.13.0"
	$(BIN)/pip install -q -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/storyweave brief examples/harbour-bridge/ --format md -o demo-brief.md
	@cat demo-brief.md
	@echo
	@echo "Brief written to demo-brief.md (also try --format html -o brief.html)"

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) lint typecheck
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_boilerplate.py
	$(BIN)/python benchmarks/bench_analysis.py
	$(BIN)/python benchmarks/bench_speed.py
	$(BIN)/python benchmarks/bench_rouge.py

clean:
	rm -rf $(VENV) build *.egg-info
