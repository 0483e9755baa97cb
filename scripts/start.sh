#!/usr/bin/env bash
# The main job: summarise the bundled article (a real AP news page, page chrome included) with
# the native CLI, build the WebAssembly core into the extension and the demo page, and serve
# the demo page on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh build
echo "== abridge (native CLI) on the bundled article: tests/fixtures/seed.txt"
cargo run --locked --quiet --release --bin abridge
echo
echo "== building the extension and the demo page"
scripts/build.sh
port="${PORT:-8080}"
cat <<MSG

Load the extension unpacked:
  Chromium: chrome://extensions → Developer mode → Load unpacked → $(pwd)/extension
  Firefox:  about:debugging#/runtime/this-firefox → Load Temporary Add-on → $(pwd)/extension/manifest.json
Then open a news article and click the Abridge button, press Alt+Shift+U (again: close), or
right-click → "Summarise this page"; select text and press Alt+Shift+Y (or right-click →
"Summarise selection") to summarise only that. Settings: the extension's options page.

Demo page (paste any article): http://127.0.0.1:$port/   (Ctrl+C stops the server)
MSG
exec node_modules/.bin/http-server www -a 127.0.0.1 -p "$port" -c-1 --silent
