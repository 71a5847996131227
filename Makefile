# The two commands of the README: `make run` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
FLASK := $(VENV)/bin/flask --app app
PYBABEL := $(VENV)/bin/pybabel
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test install translations extract lint format chromium libical icu nginx pango wrk bench bench-quick

run: install translations
	$(FLASK) db upgrade
	$(FLASK) demo load --if-empty
	@echo "Serving on http://$(HOST):$(PORT)/"
	@echo "Staff pages (/en/manage/) need an account; create the first administrator with:"
	@echo "  $(FLASK) users create you@example.org --role admin"
	$(FLASK) run --host $(HOST) --port $(PORT)

test: install translations chromium libical nginx
	$(PY) -m pytest $(PYTEST_ARGS)

# The browser tests drive the system's Chromium (Debian's package), never a downloaded one.
CHROMIUM ?= /usr/bin/chromium
chromium:
	@[ -x "$(CHROMIUM)" ] || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
		else \
			echo "The browser tests need Chromium: sudo apt-get install chromium (or set CHROMIUM=/path)"; \
			exit 1; \
		fi; }

# The feed check (tests/feedcheck) compiles a small C program against libical (Debian's package),
# found with pkg-config.
libical:
	@{ command -v pkg-config >/dev/null && pkg-config --exists libical; } || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libical-dev pkg-config >/dev/null; \
		else \
			echo "The feed check needs libical: sudo apt-get install libical-dev pkg-config"; \
			exit 1; \
		fi; }

# PyICU (lists sorted as each language sorts) is built against the system's ICU: Debian's
# libicu-dev, found with pkg-config, and a C++ compiler.
icu:
	@{ command -v pkg-config >/dev/null && pkg-config --exists icu-i18n && command -v c++ >/dev/null; } || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libicu-dev pkg-config g++ >/dev/null; \
		else \
			echo "PyICU needs ICU and a C++ compiler: sudo apt-get install libicu-dev pkg-config g++"; \
			exit 1; \
		fi; }

# WeasyPrint (the official agenda and list of participants as PDFs) draws text with Pango, and
# needs fonts that cover French and Spanish: Debian's Pango and DejaVu, found with ldconfig and
# fontconfig.
pango:
	@{ ldconfig -p | grep -q 'libpango-1.0.so.0 ' && ldconfig -p | grep -q 'libpangoft2-1.0.so.0 ' \
		&& command -v fc-list >/dev/null && fc-list | grep -q 'DejaVu Sans'; } || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				libpango-1.0-0 libpangoft2-1.0-0 fontconfig fonts-dejavu-core >/dev/null; \
		else \
			echo "WeasyPrint needs Pango and fonts: sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"; \
			exit 1; \
		fi; }

# tests/test_nginx.py starts Debian's nginx with deploy/nginx.conf in front of gunicorn.
nginx:
	@{ command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; } || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
		else \
			echo "The nginx test needs nginx: sudo apt-get install nginx"; \
			exit 1; \
		fi; }

install: $(VENV)/.installed

# uv when the machine has it (seconds), else pip (minutes); the same result.
$(VENV)/.installed: pyproject.toml package-lock.json
	@$(MAKE) --no-print-directory icu
	@$(MAKE) --no-print-directory pango
	@if command -v uv >/dev/null 2>&1; then \
		[ -x $(PY) ] || uv venv --python python3 $(VENV); \
		uv pip install --python $(PY) -e '.[test]'; \
	else \
		[ -x $(PY) ] || python3 -m venv $(VENV); \
		$(PY) -m pip install -e '.[test]'; \
	fi
	@if [ -f package-lock.json ] && command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --silent --ignore-scripts; \
	fi
	touch $@

# Compiled catalogs are build products: made from translations/*/LC_MESSAGES/messages.po.
translations: install
	$(PYBABEL) compile -d translations

# After changing user-visible text: extract, then translate the new entries in fr and es.
extract: install
	$(PYBABEL) extract -F babel.cfg -k _l -k lazy_gettext -k lazy_pgettext:1c,2 --no-location --sort-output \
		--project iom_events -o translations/messages.pot iom_events templates
	$(PYBABEL) update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete

# The benchmark's client is wrk (Debian's package): a native load generator, so that the figures
# are the server's and not the client's (see benchmarks/run.py).
wrk:
	@command -v wrk >/dev/null || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
		else \
			echo "The benchmark needs wrk: sudo apt-get install wrk"; \
			exit 1; \
		fi; }

# The benchmark (see benchmarks/run.py and the README); with DATABASE_URL=postgresql+psycopg://...
# and/or REDIS_URL=redis://..., that backend runs beside SQLite.
bench: install translations wrk
	$(PY) -m benchmarks.run $(BENCH_ARGS)

bench-quick: install translations wrk
	$(PY) -m benchmarks.run --quick $(BENCH_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
