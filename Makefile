# Two doors for a fresh machine: `make demo` and `make test`. Plain pip + venv on purpose
# (uv needs extra index settings here). torch is installed first, pinned, so nothing pulls
# a CUDA build.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint typecheck bench eval clean postgres chromium

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

# The story store's tests also run on a throwaway PostgreSQL server (tests/stream/conftest.py
# starts one on loopback). Install Debian's server where apt works; never fail the build for it:
# without it those tests skip and say why.
postgres:
	@if ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "make: installing postgresql for the store tests"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  (apt-get install -y -q postgresql >/dev/null 2>&1 || \
	   (apt-get update -q >/dev/null 2>&1 && apt-get install -y -q postgresql >/dev/null 2>&1)) || \
	  echo "make: could not install postgresql; its store tests will be skipped"; \
	else echo "make: no postgresql and no apt as root; its store tests will be skipped"; fi

# The service's browser test drives Debian's chromium (Playwright cannot download browsers of
# its own here). Installed the same way: as root where apt works, never failing the build;
# without it the browser test skips and says why.
chromium:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "make: installing chromium for the browser test"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  (apt-get install -y -q chromium >/dev/null 2>&1 || \
	   (apt-get update -q >/dev/null 2>&1 && apt-get install -y -q chromium >/dev/null 2>&1)) || \
	  echo "make: could not install chromium; the browser test will be skipped"; \
	else echo "make: no chromium and no apt as root; the browser test will be skipped"; fi

test: $(STAMP) postgres chromium lint typecheck
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_boilerplate.py
	$(BIN)/python benchmarks/bench_real.py
	$(BIN)/python benchmarks/bench_conll.py
	$(BIN)/python benchmarks/bench_analysis.py
	$(BIN)/python benchmarks/bench_shapes.py
	$(BIN)/python benchmarks/bench_speed.py
	$(BIN)/python benchmarks/bench_rouge.py

clean:
	rm -rf $(VENV) build *.egg-info
