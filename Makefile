# claimex developer commands. `make demo` and `make test` are the README's two set-up commands.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP_SPEC := -e ".[transformers,distributed,review,bench,dev]" "torch==2.13.0" "numpy<2" "pyarrow<26"

.PHONY: install demo test lint bench train-pico clean

install: $(VENV)/.installed

# one pip command: scispacy pins numpy<2 and pyarrow 26 needs numpy 2, so they must resolve together
$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q $(PIP_SPEC)
	touch $@

demo: install
	$(VENV)/bin/claimex extract corpora/gold/10940692.xml --pretty

test: install
	$(PY) -m pytest -q -p no:cacheprovider

lint: install
	$(VENV)/bin/ruff check pipeline tests bench

bench: install
	$(PY) bench/sentences.py
	$(PY) bench/measures_vs_quantulum.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache test-artifacts
