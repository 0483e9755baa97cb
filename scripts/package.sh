#!/usr/bin/env bash
# Builds the store packages from a clean checkout in one go: installs what the build needs
# (scripts/setup.sh build), builds the wasm core and the extension (scripts/build.sh), then
# zips the extension for each store (scripts/package.mjs):
#   dist/abridge-chromium-<version>.zip, dist/abridge-firefox-<version>.zip, dist/SHA256SUMS
# <version> is Cargo.toml's [package] version. Arguments go to scripts/package.mjs
# (e.g. --out DIR).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh build
scripts/build.sh
node scripts/package.mjs "$@"
