#!/usr/bin/env bash
# Times issue #3's pipeline (every article extracted, then the cross-article
# entity merge) in WebAssembly under Node and natively, on the same 181 article
# bodies, and prints MB/s side by side with the ratio (see bench.mjs).
# Usage: bench/pipeline/run.sh [ground-truth.json] [rounds]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${1:-$root/../shared/data/article-extraction-benchmark/ground-truth.json}"
[ -f "$data" ] || data=/work/shared/data/article-extraction-benchmark/ground-truth.json
rounds="${2:-20}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
bindgen="$(command -v wasm-bindgen || echo "$HOME/.cargo/bin/wasm-bindgen")"
cd "$root"
# As the app's release profile builds it (opt-level "z")...
cargo build --release --target wasm32-unknown-unknown -p folio-bench-wasm --features html
"$bindgen" --target nodejs --out-dir "$here/pkg" \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/folio_bench_wasm.wasm"
# ...and at opt-level 3, the native bench's level, in its own target dir so the
# two builds do not invalidate each other (the same dir as bench/search's).
CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_TARGET_DIR="$CARGO_TARGET_DIR-o3" \
  cargo build --release --target wasm32-unknown-unknown -p folio-bench-wasm --features html
"$bindgen" --target nodejs --out-dir "$here/pkg-o3" \
  "$CARGO_TARGET_DIR-o3/wasm32-unknown-unknown/release/folio_bench_wasm.wasm"
# Natively: the same function at the profile of folio-core's criterion benches.
native="$(cargo run -q --profile bench -p folio-bench-wasm --features html \
  --example pipeline -- "$data" "$rounds")"
cd "$here"
node bench.mjs "$data" "$rounds" "$native"
