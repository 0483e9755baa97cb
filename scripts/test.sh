#!/usr/bin/env bash
# Runs every test, installing what they need first (see scripts/setup.sh):
#   ESLint over our JavaScript;
#   Rust: formatting, clippy, unit, integration, property and doc tests (cargo test);
#   the WebAssembly build; Node tests of the wasm build; end-to-end tests of the extension
#   and the demo page in headless Chromium and Firefox, and the keyboard shortcuts pressed for
#   real in both browsers on a private Xvfb display.
# Tests that read ../shared/ (corpora and real pages) say so when it is absent and skip.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh test
echo "== eslint (extension, demo page, scripts, tests)"
node_modules/.bin/eslint .
echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --locked --quiet --all-targets -- -D warnings
echo "== cargo doc (no warnings)"
RUSTDOCFLAGS="-D warnings" cargo doc --locked --quiet --no-deps
echo "== cargo test"
cargo test --locked --quiet
echo "== build (wasm, extension, demo page)"
scripts/build.sh
echo "== size (payload budget)"
node benches/size.mjs
mapfile -t node_tests < <(find tests/node tests/e2e -name '*.test.mjs' 2>/dev/null | sort)
if [ ${#node_tests[@]} -gt 0 ]; then
  echo "== node --test (${#node_tests[@]} files)"
  # The log's failing tests are printed again at the end, where CI's tail shows them.
  log=$(mktemp)
  if ! node --test --test-concurrency=1 "${node_tests[@]}" 2>&1 | tee "$log"; then
    echo "== failing Node tests (known '# TODO' pages left out):"
    awk '/^ *not ok / && !/# TODO/ {show = 1} show {print} show && /^ *\.\.\.$/ {show = 0}' "$log"
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
fi
echo "== all tests passed"
