# The two commands a newcomer needs: `make run` and `make test`. Everything else they call.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PORT

# Debian packages: WeasyPrint's text layout libraries, Chromium for the browser tests, and
# poppler (pdftoppm for the screenshots of packet pages; pdfinfo, pdftotext, pdffonts for the tests).
WEASYPRINT_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
BROWSER_DEBS := chromium
SCREENSHOT_DEBS := poppler-utils

.PHONY: run test bench screenshots lint system-packages browser clean

run: $(VENV)/.run-deps system-packages
	@mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_catalog data/catalog/openai-*.json
	$(PY) manage.py seed_demo
	@echo "ZDR Portal: http://127.0.0.1:$(PORT)  (Ctrl-C stops the web server, worker and beat)"
	$(VENV)/bin/honcho start --no-colour -f Procfile -p $(PORT)

test: $(VENV)/.dev-deps system-packages browser
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

clean:
	rm -rf var/broker var/test-broker var/test-zdrportal-*.sqlite3*

screenshots: $(VENV)/.dev-deps system-packages browser
	$(call apt_ensure,$(SCREENSHOT_DEBS))
	$(PY) scripts/screenshots.py

bench: $(VENV)/.run-deps system-packages
	$(PY) benchmarks/bench.py
