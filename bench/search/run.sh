#!/usr/bin/env bash
# Builds folio-core's search index for WebAssembly and benchmarks it side by side
# with MiniSearch and FlexSearch on the same corpus and queries (see bench.mjs).
# Usage: bench/search/run.sh [ground-truth.json]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${1:-$root/../shared/data/article-extraction-benchmark/ground-truth.json}"
[ -f "$data" ] || data=/work/shared/data/article-extraction-benchmark/ground-truth.json
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
bindgen="$(command -v wasm-bindgen || echo "$HOME/.cargo/bin/wasm-bindgen")"
cd "$root"
cargo build --release --target wasm32-unknown-unknown -p folio-bench-wasm
"$bindgen" --target nodejs --out-dir "$here/pkg" \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/folio_bench_wasm.wasm"
# The same crate at opt-level 3 (the app ships "z"), in its own target dir so
# the two builds do not invalidate each other.
CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_TARGET_DIR="$CARGO_TARGET_DIR-o3" \
  cargo build --release --target wasm32-unknown-unknown -p folio-bench-wasm
"$bindgen" --target nodejs --out-dir "$here/pkg-o3" \
  "$CARGO_TARGET_DIR-o3/wasm32-unknown-unknown/release/folio_bench_wasm.wasm"
cd "$here"
[ -d node_modules ] || npm ci --no-audit --no-fund
ls -l pkg/folio_bench_wasm_bg.wasm | awk '{print "folio wasm: " $5 " bytes"}'
gzip -9 -c pkg/folio_bench_wasm_bg.wasm | wc -c | awk '{print "folio wasm gzip: " $1 " bytes"}'
node --expose-gc bench.mjs "$data" "$root/corpus"
