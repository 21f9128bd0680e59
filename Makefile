# The two commands a newcomer needs: `make run` and `make test`. Everything else they call.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT
# Off: errors show the styled pages. DEBUG=1 make run shows Django's debug pages while developing.
DEBUG ?= 0
export DEBUG

# Debian packages: WeasyPrint's text layout libraries, Chromium for the browser tests, and
# poppler (pdftoppm for the screenshots of packet pages; pdfinfo, pdftotext, pdffonts for the tests).
WEASYPRINT_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
BROWSER_DEBS := chromium
SCREENSHOT_DEBS := poppler-utils

.PHONY: run test bench screenshots lint system-packages browser checkers clean chaos

run: $(VENV)/.run-deps system-packages
	@mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_catalog data/catalog/openai-*.json
	$(PY) manage.py seed_demo
	@echo "ZDR Portal: http://127.0.0.1:$(PORT)  (Ctrl-C stops the web server, worker and beat)"
	$(RUN_ENV) exec $(VENV)/bin/supervisord -c supervisord.conf

# supervisord (supervisord.conf) restarts a process that exits and keeps the others running;
# the watchdog in it replaces a worker whose heartbeat went stale. These fill in its %(ENV_...)s.
RUN_ENV = ZDR_RUN_DIR=$(CURDIR)/var ZDR_PYTHON=$(CURDIR)/$(PY) ZDR_WORKER_CONCURRENCY=$(or $(CONCURRENCY),2) \
	ZDR_WORKER_NAME=zdrportal-$(PORT)

# Against a running `make run` (same PORT): kill its processes, lose its messages, and print what
# was lost (nothing) and how long each recovery took.
chaos: $(VENV)/.run-deps
	$(RUN_ENV) $(PY) scripts/chaos.py $(ARGS)

test: $(VENV)/.dev-deps system-packages browser checkers
	$(call apt_ensure,$(SCREENSHOT_DEBS))
	@mkdir -p var
	$(PY) -m pytest

lint: $(VENV)/.dev-deps
	$(VENV)/bin/ruff check .

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.run-deps: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev-deps: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.run-deps

# apt-get only when something is missing, so a prepared machine starts at once.
define apt_ensure
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages: $$missing"; \
		if [ "$$(id -u)" != 0 ]; then echo "Run as root, or install them: apt-get install $$missing" >&2; exit 1; fi; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi
endef

system-packages:
	$(call apt_ensure,$(WEASYPRINT_DEBS))

browser:
	$(call apt_ensure,$(BROWSER_DEBS))

# The accessibility gate's checkers (tests/browser/test_accessibility.py), pinned, from the npm
# registry, fetched only when missing: axe-core's script and the Nu HTML Checker's jar (~30 MB,
# so it lives under .venv, never in git). Java runs the jar.
AXE_VERSION := 4.14.1
VNU_VERSION := 26.9.27
AXE_JS := $(VENV)/axe-$(AXE_VERSION)/axe.min.js
VNU_JAR := $(VENV)/vnu-$(VNU_VERSION)/vnu.jar

checkers: $(AXE_JS) $(VNU_JAR)

$(AXE_JS):
	$(call npm_extract,axe-core@$(AXE_VERSION),package/axe.min.js,$@)

$(VNU_JAR):
	$(call npm_extract,vnu-jar@$(VNU_VERSION),package/build/dist/vnu.jar,$@)

# npm pack checks the tarball against the registry's integrity hash; one file is kept from it.
define npm_extract
	@mkdir -p $(dir $(3))
	@tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent $(1) >/dev/null && tar xzf *.tgz $(2) \
		&& cd - >/dev/null && mv $$tmp/$(2) $(3).part && mv $(3).part $(3) && rm -rf $$tmp
endef

clean:
	rm -rf var/broker var/test-broker var/test-zdrportal-*.sqlite3*

screenshots: $(VENV)/.dev-deps system-packages browser
	$(call apt_ensure,$(SCREENSHOT_DEBS))
	$(PY) scripts/screenshots.py

# The code scanner's accuracy (per endpoint) and speed first; the portal's figures print last.
bench: $(VENV)/.run-deps system-packages
	$(PY) benchmarks/scan.py
	$(PY) benchmarks/bench.py
