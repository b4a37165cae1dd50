# make serve  - the site on http://127.0.0.1:8000 (rebuilds on every change)
# make build  - a strict build into site/ (replaced only when the build succeeds)
# make test   - the whole test suite, browser tests included
# make preview ENTRY=entries/<slug>  - only that practice, in every language, with its lists
# make urls   - record newly published addresses in urls.txt (never drops one)
# make lighthouse - Lighthouse scores of a fresh build into reports/lighthouse.json
# make screenshots - every kind of page, each language, phone and desktop, into screenshots/
# make bench  - build times and sizes at PRACTICES synthetic practices (default 1000)
# make lock   - pin requirements*.in, dependencies and hashes included, into requirements*.txt
# make lock-upgrade - the same, moving every pin to the newest release the .in files allow
# make build-properdocs - the same strict build by the fallback engine, ProperDocs, into site/
# Each target sets up what it needs: .venv with the locked requirements, checked
# against their hashes, for the tests also .venv-properdocs (the fallback engine),
# Debian's chromium and axe-core (npm, package-lock.json).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build build-properdocs test validate preview urls browser lighthouse screenshots bench lock lock-upgrade clean

PRACTICES ?= 1000
RUNS ?= 3

# Exactly the lock: every package pinned and checked against its hashes, nothing
# resolved beyond it (the lock already holds every dependency).
PIP_LOCKED := install --quiet --disable-pip-version-check --require-hashes --no-deps

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The project itself, editable, in a step of its own: hash-checking mode cannot
# hash a local project.
$(VENV)/.site-installed: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip $(PIP_LOCKED) -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# requirements-dev.txt holds the site's pins too.
$(VENV)/.dev-installed: requirements-dev.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip $(PIP_LOCKED) -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@ $(VENV)/.site-installed

# The fallback engine in its own environment: ProperDocs and the site's
# requirements, without MkDocs (requirements-properdocs.in).
PROPERDOCS_VENV := .venv-properdocs

$(PROPERDOCS_VENV)/bin/python:
	$(PYTHON) -m venv $(PROPERDOCS_VENV)

$(PROPERDOCS_VENV)/.installed: requirements-properdocs.txt pyproject.toml | $(PROPERDOCS_VENV)/bin/python
	$(PROPERDOCS_VENV)/bin/pip $(PIP_LOCKED) -r requirements-properdocs.txt
	$(PROPERDOCS_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# The lock files, written by uv (pinned in requirements-dev.txt) for every
# platform and every Python from 3.11.5 on. Existing pins are kept unless a
# bound in a .in file excludes them; lock-upgrade moves them all.
LOCK = $(BIN)/uv pip compile --quiet --universal --python-version 3.11.5 --generate-hashes \
	--custom-compile-command "make lock"

lock: $(VENV)/.dev-installed
	$(LOCK) $(UPGRADE) requirements.in -o requirements.txt
	$(LOCK) $(UPGRADE) requirements-dev.in -o requirements-dev.txt
	$(LOCK) $(UPGRADE) --excludes requirements-properdocs.exclude requirements-properdocs.in -o requirements-properdocs.txt

lock-upgrade:
	$(MAKE) lock UPGRADE=--upgrade

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

build-properdocs: $(PROPERDOCS_VENV)/.installed build/docs
	rm -rf build/site.new build/site.new.old
	$(PROPERDOCS_VENV)/bin/properdocs build --strict --quiet -f mkdocs.yml -d build/site.new
	$(PROPERDOCS_VENV)/bin/python scripts/swap_site.py build/site.new site
	@echo "Built site/ with ProperDocs ($$(find site -name index.html | wc -l) pages)"

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

test: $(VENV)/.dev-installed $(PROPERDOCS_VENV)/.installed browser build/docs node_modules/.test-installed
	$(BIN)/python -m pytest

node_modules/.lighthouse-installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@ node_modules/.test-installed

lighthouse: build browser node_modules/.lighthouse-installed
	CHROME_PATH=$$(command -v chromium) $(BIN)/python scripts/lighthouse.py

screenshots: build $(VENV)/.dev-installed browser
	$(BIN)/python scripts/screenshots.py

bench: $(VENV)/.dev-installed browser
	$(BIN)/python scripts/bench.py --practices $(PRACTICES) --runs $(RUNS)

clean:
	rm -rf build site node_modules
