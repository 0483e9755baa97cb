#!/usr/bin/env bash
# Installs what the build (`setup.sh build`) or the tests (`setup.sh test`) need, when it is
# missing. Idempotent: a second run installs nothing.
#   build: the wasm32 Rust target, the wasm-bindgen CLI at the version in Cargo.lock,
#          wasm-opt (Debian's binaryen) and the npm packages.
#   test:  all of the above, plus Debian's chromium and firefox-esr (browser tests), and xvfb
#          and xdotool (real key presses for the shortcut tests).
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-test}"

apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing Debian packages: $*"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

pkgs=()
command -v wasm-opt >/dev/null 2>&1 || pkgs+=(binaryen)
# Tests: Chromium's UI languages other than en-US (chromium-l10n; the i18n tests run it in French and Arabic).
if [ "$what" = "test" ] && ! dpkg -s chromium-l10n >/dev/null 2>&1; then pkgs+=(chromium-l10n); fi
if [ "$what" = "test" ]; then
  command -v chromium >/dev/null 2>&1 || pkgs+=(chromium)
  command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1 || pkgs+=(firefox-esr)
  command -v Xvfb >/dev/null 2>&1 || pkgs+=(xvfb)
  command -v xdotool >/dev/null 2>&1 || pkgs+=(xdotool)
fi
if [ ${#pkgs[@]} -gt 0 ]; then apt_install "${pkgs[@]}"; fi

rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || rustup target add wasm32-unknown-unknown

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$want" ]; then echo "setup: wasm-bindgen is not in Cargo.lock" >&2; exit 1; fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
  echo "setup: building the wasm-bindgen CLI $want (about 3 minutes, once)"
  cargo install wasm-bindgen-cli --version "$want" --locked --quiet
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
