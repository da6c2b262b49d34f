# zparse / zlint: `make demo` runs the main job, `make test` passes the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck contracts fuzz bench corpus clean peers vsix test-editor

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

demo: $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	$(BIN)/zlint check examples/zosmf-ha
	$(BIN)/zlint report examples/zosmf-ha

# Real peers driven by the tests: Neovim (LSP client) and headless Chromium (HTML report).
peers:
	@command -v nvim >/dev/null 2>&1 && command -v chromium >/dev/null 2>&1 || \
	  { (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim chromium >/dev/null) || \
	    echo "make: could not install neovim/chromium; the tests that drive them will be skipped"; }

lint: $(STAMP)
	$(BIN)/ruff check zparse rules tests fuzz bench

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

test: $(STAMP) peers lint typecheck contracts
	HYPOTHESIS_PROFILE=ci $(BIN)/python -m pytest -q -p no:cacheprovider
	$(BIN)/python ../shared/tools/corpus-check 2>/dev/null || [ ! -d ../shared/corpus ] 
	@$(MAKE) --no-print-directory test-editor

# The VS Code extension (editors/vscode): `make vsix` writes dist/zlint-<version>.vsix.
VSCODE := editors/vscode

$(VSCODE)/node_modules/.zlint-installed: $(VSCODE)/package.json $(VSCODE)/package-lock.json
	cd $(VSCODE) && npm ci --no-audit --no-fund
	touch $@

vsix: $(VSCODE)/node_modules/.zlint-installed
	cd $(VSCODE) && npm run --silent package

# Grammar check, unit tests (node --test), the .vsix, then the end-to-end test in a
# real VS Code (code-server, cached under ~/.cache/zlint-test-editor); skipped with
# a message when node, the npm registry or chromium are not available.
test-editor: $(STAMP)
	timeout -k 30 1800 sh $(VSCODE)/test/e2e/test-editor.sh

corpus: $(STAMP)
	$(BIN)/python ../shared/tools/corpus-check --verbose

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q fuzz

bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)
	$(BIN)/python bench/site_scale.py $(BENCH_ARGS)
	$(BIN)/python bench/rule_scaling.py

clean:
	rm -rf $(VENV) build dist *.egg-info $(VSCODE)/out
