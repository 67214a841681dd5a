#!/usr/bin/env bash
# Every test tier, in the order that fails fastest. Run through `make test`, which
# installs the tools first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.ci/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
# A full run builds each crate once; incremental caches would only take disk.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
# wasm-bindgen-test-runner starts Chromium through chromedriver; as root it needs
# --no-sandbox, which the runner passes itself in headless mode.

step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all --check

step "folio-core has no web dependencies (host and wasm32)"
for target in "" wasm32-unknown-unknown; do
  # No `|| true` on cargo tree itself: if it fails, so does this check.
  tree=$(cargo tree -p folio-core -e normal --prefix none ${target:+--target "$target"})
  web=$(grep -E '^(web-sys|js-sys|wasm-bindgen|leptos|gloo[a-z-]*) ' <<<"$tree" || true)
  if [[ -n "$web" ]]; then
    echo "folio-core must stay pure Rust, but depends on (${target:-host}):"; echo "$web"; exit 1
  fi
  echo "ok (${target:-host}: $(wc -l <<<"$tree") crates, none of the web)"
done

step "clippy (native, then wasm32)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p folio -p folio-core -p folio-worker -p folio-views --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests: core unit + fixture tests, CLI, app state"
cargo test --workspace --exclude folio-e2e

step "wasm32 tests in headless Chromium: the core, then the app"
# The app's tests mount it with no server beside it: the corpus is compiled in.
cargo test -p folio-core -p folio --target wasm32-unknown-unknown --features folio/embedded-corpus

step "release build (trunk, wasm-opt -Oz)"
trunk build --release --offline
scripts/size.sh

step "a sharded site of the bundled articles (folio build --shards always)"
cargo run -q -p folio-cli -- build corpus --out target/sharded-site --shards always --title "Folio (sharded)"
step "end-to-end flows over WebDriver against dist/ on a sub-path"
cargo test -p folio-e2e
echo "screenshots: $(ls target/screenshots | tr '\n' ' ')"

step "benches compile"
cargo bench -p folio-core --no-run

step "disk used by this run"
du -sh "${CARGO_TARGET_DIR:-target}" 2>/dev/null || true
