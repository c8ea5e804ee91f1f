# claimex developer commands. `make demo` and `make test` are the README's two set-up commands.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP_SPEC := -e ".[train,transformers,distributed,review,bench,dev]" "torch==2.13.0" "numpy<2" "pyarrow<26"
DIST ?= dist

.PHONY: install compile uncompile demo test lint bench dist dist-check train-pico clean

install: $(VENV)/.installed

# one pip command: scispacy pins numpy<2 and pyarrow 26 needs numpy 2, so they must resolve together
$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q $(PIP_SPEC)
	rm -rf *.egg-info  # stale metadata here would shadow the installed entry points for `python -m ...`
	touch $@

# mypyc-compiled modules (tools/mypyc_modules.txt; tools/mypyc_build.py), rebuilt when a listed source, the list, the
# build script or its mypy options (tools/mypyc_mypy.ini) change. Same outputs as the pure modules, faster
# (bench/SPEED.md, sessions 25-26). A failed build (no C compiler, say) leaves pure Python and says so; `claimex`
# refuses a compiled module older than its source.
MYPYC_MODULES := $(shell sed -e 's/\#.*//' tools/mypyc_modules.txt)
COMPILED := pipeline/_compiled.txt

compile: $(COMPILED)

$(COMPILED): $(addprefix pipeline/,$(MYPYC_MODULES)) tools/mypyc_modules.txt tools/mypyc_build.py tools/mypyc_mypy.ini $(VENV)/.installed
	$(PY) tools/mypyc_build.py || { $(PY) tools/mypyc_build.py --clean; echo "make compile: mypyc build failed; claimex runs as pure Python"; }

uncompile:
	$(PY) tools/mypyc_build.py --clean

demo: install
	$(VENV)/bin/claimex extract corpora/gold/10940692.xml --pretty

test: install compile
	$(PY) -m pytest -q -p no:cacheprovider

lint: install
	$(VENV)/bin/ruff check .

# every wheel a user needs: claimex (configs as package data) + the spaCy model packages of the default
# model and the direction classifier (tools/build_dist.py; `spacy package` + `pip wheel`, offline)
dist: install
	$(PY) tools/build_dist.py --out $(DIST)

# the wheel route end to end: a fresh venv (dependencies from the package index), run from /tmp
dist-check: dist
	rm -rf /tmp/claimex-dist-check && python3 -m venv /tmp/claimex-dist-check
	/tmp/claimex-dist-check/bin/pip install -q $(DIST)/*.whl
	cd /tmp && /tmp/claimex-dist-check/bin/claimex --version
	cd /tmp && /tmp/claimex-dist-check/bin/claimex extract $(CURDIR)/corpora/gold/10940692.xml --pretty

bench: install compile
	$(PY) bench/sentences.py
	$(PY) bench/measures_vs_quantulum.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache test-artifacts $(COMPILED)
	find pipeline -name '*.so' -delete
