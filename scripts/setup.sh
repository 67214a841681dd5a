#!/usr/bin/env bash
# Installs what building and testing Folio needs, skipping whatever is already
# there at the right version. Every tool comes from crates.io, npm or Debian —
# nothing is downloaded from GitHub.
#
#   wasm32 target · Trunk 0.21.14 · wasm-bindgen CLI at the Cargo.lock version ·
#   wasm-opt (binaryen 132, npm) · Chromium + chromedriver (Debian; tests only)
#
# Usage: scripts/setup.sh [--browser]   (--browser also installs Chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
want_browser=false
[[ "${1:-}" == "--browser" ]] && want_browser=true

say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo >/dev/null || { echo "setup: cargo not found; install Rust with rustup first" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [[ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]]; then
  say "installing Trunk $TRUNK_VERSION (from crates.io; ~10 min on 2 cores)"
  cargo install trunk --locked --version "$TRUNK_VERSION"
fi

# The CLI must match the wasm-bindgen crate exactly, or Trunk (offline) stops.
wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg" ]]; then
  say "installing wasm-bindgen-cli $wbg (the Cargo.lock version; ~4 min)"
  # Not --locked: the CLI's own lockfile pins a crate the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$wbg"
fi

if [[ ! -x .ci/tools/node_modules/.bin/wasm-opt || ! -f .ci/tools/node_modules/axe-core/axe.min.js ]]; then
  command -v npm >/dev/null || { echo "setup: npm not found; install Node.js (Debian: nodejs npm)" >&2; exit 1; }
  say "installing wasm-opt (binaryen 132) and axe-core (npm)"
  (cd .ci/tools && npm ci --no-audit --no-fund)
fi

if $want_browser && ! { command -v chromium >/dev/null && command -v chromedriver >/dev/null; }; then
  say "installing Chromium and chromedriver (Debian)"
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver
fi
say "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(.ci/tools/node_modules/.bin/wasm-opt --version | awk '{print $3}')"
