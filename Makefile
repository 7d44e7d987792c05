# The two commands of the README's quick start are `make run` and `make test`.
# Both install what they need first; everything else here is a convenience.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: help install system-deps run stop test lint format typecheck owl-check screenshots clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

system-deps: ## make sure Java 17+ and Maven are there (installs them with apt-get when root)
	@./scripts/system-deps

$(STAMP): pyproject.toml
	@echo "Installing stkg and its dependencies into $(VENV) (a few minutes the first time)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@# setuptools' editable install says the concern folders could shadow the package; they
	@# are the package (package-dir), so the notice is silenced rather than printed each time.
	PYTHONWARNINGS='ignore:Editable installation' $(BIN)/python -m pip install -e '.[dev]'
	@touch $(STAMP)

install: system-deps $(STAMP) ## create .venv and install stkg with its dev tools

run: install ## start local Neo4j, load the ontology and sample corpus, start the API
	$(BIN)/stkg up

stop: ## stop the API and the local Neo4j
	$(BIN)/stkg down

test: install ## run the whole test suite against a real Neo4j (started if needed)
	@./scripts/system-deps --test
	$(BIN)/pytest

lint: install ## ruff lint + format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## format the code
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: install ## mypy
	$(BIN)/mypy stkg config graph api ontology ingest

owl-check: install ## check the ontology with Apache Jena and ROBOT (OWL 2 DL, HermiT, ELK, SHACL)
	$(BIN)/python -m stkg.ontology.owltools

screenshots: install ## regenerate docs/screenshots/*.png in headless Chromium
	@./scripts/system-deps --test
	$(BIN)/python -m tests.ui.screenshots

clean: ## remove the venv and local state (keeps the Neo4j jar cache)
	rm -rf $(VENV) .stkg
