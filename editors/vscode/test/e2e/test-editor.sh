#!/bin/sh
# `make test-editor`: the VS Code extension's checks, ending with the end-to-end
# test in a real VS Code (code-server from the npm registry, driven by
# playwright-core and Debian's chromium).
#
#   1. the extension's npm packages (npm ci, again only when the lockfile changes);
#   2. the TextMate grammars are those gen_grammars.py makes from zparse's tables;
#   3. type check and unit tests (node --test);
#   4. the .vsix (dist/zlint-<version>.vsix);
#   5. code-server 4.100.3, installed once into a cache folder
#      ($ZLINT_EDITOR_CACHE, default ~/.cache/zlint-test-editor) by the recipe
#      of issue 18, then test/e2e/e2e.mjs.
#
# A step that cannot be installed (no node or npm, no registry, no chromium)
# skips the rest with a message saying why and exits 0; a check that runs and
# fails exits 1. Run from the repository root; ZLINT is the zlint executable.
set -u

ROOT=$(pwd)
EXT="$ROOT/editors/vscode"
OUT="$ROOT/build/test-editor"
ZLINT=${ZLINT:-$ROOT/.venv/bin/zlint}
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
CS_VERSION=4.100.3
RG_PKG_VERSION=1.15.11          # @vscode/ripgrep inside code-server 4.100.3
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
E2E_TIMEOUT=${E2E_TIMEOUT:-420}  # seconds for the whole browser test

skip() {
  echo "test-editor: SKIPPED: $*" >&2
  echo "test-editor: (the VS Code extension was not tested end to end)" >&2
  exit 0
}
fail() {
  echo "test-editor: FAILED: $*" >&2
  exit 1
}
step() { echo "test-editor: $*"; }

command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || skip "node and npm are not installed"
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
[ "$NODE_MAJOR" -ge 18 ] || skip "node $(node --version) is too old (18 or later is needed)"

# 1. npm packages of the extension (cached in editors/vscode/node_modules).
STAMP="$EXT/node_modules/.zlint-installed"
if [ ! -f "$STAMP" ] || [ "$EXT/package-lock.json" -nt "$STAMP" ] || [ "$EXT/package.json" -nt "$STAMP" ]; then
  step "npm ci (editors/vscode)"
  NPM_LOG=$(mktemp)
  (cd "$EXT" && timeout 600 npm ci --no-audit --no-fund >"$NPM_LOG" 2>&1) ||
    { tail -20 "$NPM_LOG" >&2; rm -f "$NPM_LOG"; skip "npm ci failed in editors/vscode (is the npm registry reachable?)"; }
  rm -f "$NPM_LOG"
  touch "$STAMP"
fi

# 2. grammars in step with the keyword tables.
step "grammars match zparse's keyword tables"
"$PYTHON" "$EXT/scripts/gen_grammars.py" --check || fail "the TextMate grammars are stale"

# 3. type check and unit tests.
step "type check and unit tests (node --test)"
(cd "$EXT" && npm run --silent typecheck) || fail "tsc found type errors"
UNIT_LOG=$(mktemp)
(cd "$EXT" && npm test --silent) >"$UNIT_LOG" 2>&1 || { cat "$UNIT_LOG" >&2; rm -f "$UNIT_LOG"; fail "unit tests"; }
grep -E '^# (tests|pass|fail) ' "$UNIT_LOG"
rm -f "$UNIT_LOG"

# 4. the .vsix.
step "package the extension"
(cd "$EXT" && npm run --silent package >/dev/null) || fail "vsce package failed"
VERSION=$(node -p "require('$EXT/package.json').version")
VSIX="$ROOT/dist/zlint-$VERSION.vsix"
[ -f "$VSIX" ] || fail "$VSIX was not written"
step "built $VSIX"

# 5. code-server (a real VS Code build) and the end-to-end test.
[ "$NODE_MAJOR" -eq 20 ] || skip "code-server $CS_VERSION needs Node 20 (this is $(node --version))"
[ "$(uname -m)" = x86_64 ] || skip "the code-server recipe is for x86_64 Linux"
need_pkgs=""
[ -f /usr/include/gssapi/gssapi.h ] || need_pkgs="$need_pkgs libkrb5-dev"
[ -x /usr/bin/rg ] || need_pkgs="$need_pkgs ripgrep"
[ -x /usr/bin/chromium ] || need_pkgs="$need_pkgs chromium"
if [ -n "$need_pkgs" ]; then
  step "apt-get install$need_pkgs"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need_pkgs) >/dev/null 2>&1 ||
      skip "apt-get could not install$need_pkgs"
  else
    skip "the Debian packages$need_pkgs are missing (install them as root)"
  fi
fi

CACHE=${ZLINT_EDITOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/zlint-test-editor}
CS_DIR="$CACHE/code-server-$CS_VERSION-node$NODE_MAJOR"
if [ ! -f "$CS_DIR/.complete" ]; then
  step "installing code-server $CS_VERSION into $CS_DIR (once; about 300 MB)"
  rm -rf "$CS_DIR.tmp" && mkdir -p "$CS_DIR.tmp/tmp/vscode-ripgrep-cache-$RG_PKG_VERSION" "$CS_DIR.tmp/rg" || skip "cannot write $CACHE"
  # @vscode/ripgrep's install script downloads ripgrep from GitHub unless its cache
  # (os.tmpdir()/vscode-ripgrep-cache-<version>/<asset>) holds the archive: give it Debian's.
  cp /usr/bin/rg "$CS_DIR.tmp/rg/rg" &&
    tar -C "$CS_DIR.tmp/rg" -czf "$CS_DIR.tmp/tmp/vscode-ripgrep-cache-$RG_PKG_VERSION/$RG_ASSET" rg ||
    skip "cannot prepare the ripgrep archive"
  cp "$EXT/test/e2e/code-server/package.json" "$EXT/test/e2e/code-server/package-lock.json" "$CS_DIR.tmp/"
  t0=$(date +%s)
  if (cd "$CS_DIR.tmp" && TMPDIR="$CS_DIR.tmp/tmp" npm_config_yes=true \
        timeout 900 npm ci --no-audit --no-fund --unsafe-perm >install.log 2>&1); then
    rm -rf "$CS_DIR" && mv "$CS_DIR.tmp" "$CS_DIR" && touch "$CS_DIR/.complete"
    step "code-server installed in $(( $(date +%s) - t0 )) s"
  else
    tail -30 "$CS_DIR.tmp/install.log" >&2
    skip "code-server $CS_VERSION could not be installed from the npm registry (log: $CS_DIR.tmp/install.log)"
  fi
fi
[ -x "$CS_DIR/node_modules/.bin/code-server" ] || skip "$CS_DIR has no code-server"
[ -x "$ZLINT" ] || fail "$ZLINT is missing (make creates the virtualenv)"

rm -rf "$OUT" && mkdir -p "$OUT"
step "end-to-end test in code-server (output: $OUT)"
t0=$(date +%s)
CODE_SERVER="$CS_DIR/node_modules/.bin/code-server" VSIX="$VSIX" ZLINT="$ZLINT" OUT="$OUT" \
  EXAMPLE="$ROOT/examples/zosmf-ha-broken" NODE_PATH="$EXT/node_modules" \
  timeout -k 15 "$E2E_TIMEOUT" node "$EXT/test/e2e/e2e.mjs"
rc=$?
[ $rc -eq 124 ] || [ $rc -eq 137 ] && fail "the end-to-end test did not finish in $E2E_TIMEOUT s (see $OUT)"
[ $rc -eq 0 ] || fail "the end-to-end test failed (exit $rc; screenshots and logs in $OUT)"
step "end-to-end test passed in $(( $(date +%s) - t0 )) s; screenshots in $OUT"
