# inspectwatch: two commands do all the set-up on a fresh machine.
#   make demo   run the whole pipeline offline on the bundled snapshot
#   make test   lint, type-check and run the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest quality bench clean postgres browser screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install only when pyproject.toml changed since the last install.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,demo]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/inspectwatch demo

test: $(STAMP) lint typecheck postgres browser pytest

# The PostgreSQL tests start a throw-away server on loopback; install Debian's
# postgresql package when initdb is missing (skipped, with the reason, where impossible).
postgres:
	-@sh tests/pg/ensure-postgres.sh install

# The browser test drives Debian's chromium with selenium; installed here like PostgreSQL
# (skipped, with the reason, where impossible).
browser:
	-@sh tests/browser/ensure-chromium.sh

lint: $(STAMP)
	$(BIN)/ruff check core crawler jobs notifier tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy core crawler jobs notifier

# Three workers: most tests wait on real servers and child processes, not the CPU.
# pytest exits 5 when it collects no test: that is a failure here.
pytest: $(STAMP)
	$(BIN)/python -m pytest -q -n 3; status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$status

quality: $(STAMP)
	$(BIN)/python benchmarks/quality.py

bench: $(STAMP)
	$(BIN)/python benchmarks/quality.py
	$(BIN)/python benchmarks/extract.py
	$(BIN)/python benchmarks/crawl.py
	$(BIN)/python benchmarks/digest.py

clean:
	rm -rf $(VENV) demo-out .pytest_cache .mypy_cache .ruff_cache

# docs/web-*.png for README: the web pages in chromium, on the bundled sample visits;
# docs/digest-*.png: two of the real demo's digests (English, Chinese) at 800 and 390 px.
screenshots: $(STAMP) browser
	$(BIN)/python docs/screenshots.py
	$(BIN)/python docs/digest_screenshots.py
