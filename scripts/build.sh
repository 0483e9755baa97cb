#!/usr/bin/env bash
# Builds the WebAssembly core and puts it, with its JS bindings, into extension/pkg and
# www/pkg; copies Mozilla's Readability into extension/vendor. Output is ignored by git.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --locked --quiet --profile wasm --target wasm32-unknown-unknown --lib
mkdir -p build/pkg
wasm-bindgen --target web --no-typescript --out-dir build/pkg target/wasm32-unknown-unknown/wasm/abridge.wasm
# Debian's binaryen (108) needs the features the stripped module uses spelled out.
wasm-opt -Oz --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  build/pkg/abridge_bg.wasm -o build/pkg/abridge_bg.wasm

for dest in extension/pkg www/pkg; do
  rm -rf "$dest"
  mkdir -p "$dest"
  cp build/pkg/abridge.js build/pkg/abridge_bg.wasm "$dest/"
done

mkdir -p extension/vendor
cp node_modules/@mozilla/readability/Readability.js node_modules/@mozilla/readability/Readability-readerable.js \
  node_modules/@mozilla/readability/LICENSE.md extension/vendor/
printf 'build: wasm %s bytes (%s gzipped)\n' "$(stat -c %s build/pkg/abridge_bg.wasm)" "$(gzip -9c build/pkg/abridge_bg.wasm | wc -c)"
