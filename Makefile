# make serve  - the site on http://127.0.0.1:8000 (rebuilds on every change)
# make build  - a strict build into site/ (replaced only when the build succeeds)
# make test   - the whole test suite, browser tests included
# make preview ENTRY=entries/<slug>  - only that practice, in every language, with its lists
# make urls   - record newly published addresses in urls.txt (never drops one)
# make lighthouse - Lighthouse scores of a fresh build into reports/lighthouse.json
# make bench  - build times and sizes at PRACTICES synthetic practices (default 1000)
# Each target sets up what it needs: .venv with the pinned requirements,
# and for the tests Debian's chromium and axe-core (npm, package-lock.json).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test validate preview urls browser lighthouse bench clean

PRACTICES ?= 1000
RUNS ?= 3

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-installed: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@ $(VENV)/.site-installed

build/docs:
	mkdir -p build/docs

serve: $(VENV)/.site-installed build/docs
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

# site/ is replaced in one atomic step (scripts/swap_site.py): a build
# stopped at any moment leaves the old complete site or the new one.
build: $(VENV)/.site-installed build/docs
	rm -rf build/site.new build/site.new.old
	$(BIN)/mkdocs build --strict --quiet -d build/site.new
	$(BIN)/python scripts/swap_site.py build/site.new site
	@echo "Built site/ ($$(find site -name index.html | wc -l) pages)"

validate: $(VENV)/.site-installed
	$(BIN)/python scripts/validate.py

preview: $(VENV)/.site-installed
	@test -n "$(ENTRY)" || { echo "usage: make preview ENTRY=entries/<slug>" >&2; exit 2; }
	$(BIN)/python scripts/preview.py "$(ENTRY)"

urls: $(VENV)/.site-installed build/docs
	$(BIN)/python scripts/update_urls.py

browser:
	@command -v chromium >/dev/null || scripts/install_browser.sh

# The tests need only axe-core; Lighthouse (the dev dependency) is for make lighthouse.
node_modules/.test-installed: package.json package-lock.json
	npm ci --omit=dev --no-audit --no-fund
	touch $@

test: $(VENV)/.dev-installed browser build/docs node_modules/.test-installed
	$(BIN)/python -m pytest

node_modules/.lighthouse-installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@ node_modules/.test-installed

lighthouse: build browser node_modules/.lighthouse-installed
	CHROME_PATH=$$(command -v chromium) $(BIN)/python scripts/lighthouse.py

bench: $(VENV)/.dev-installed browser
	$(BIN)/python scripts/bench.py --practices $(PRACTICES) --runs $(RUNS)

clean:
	rm -rf build site node_modules
