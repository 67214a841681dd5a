#!/usr/bin/env bash
# Runs the fuzz targets (fuzz/fuzz_targets/) for a time or a count each, seeded
# from the project's own inputs, and prints each target's executions and
# whether it crashed. Needs the nightly toolchain and cargo-fuzz:
#   rustup toolchain install nightly && cargo install cargo-fuzz --locked
#
# Usage: scripts/fuzz.sh [TARGET|all] [--seconds N | --runs N]
#   scripts/fuzz.sh all --seconds 600     each target for ten minutes
#   scripts/fuzz.sh bundle --runs 10000000
# Targets: pipeline query_parse bundle html shard protocol.
# Built without a sanitizer but with overflow checks and debug assertions
# (`-s none -O -a`): several times the executions per second of the address
# sanitizer, and safe Rust's memory errors are what the borrow checker rules
# out anyway. FUZZ_SANITIZER=address brings the sanitizer back.
# Crashes land in fuzz/artifacts/TARGET/; each becomes a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${1:-all}
shift || true
limit=(-max_total_time=60)
while [[ $# -gt 0 ]]; do
  case $1 in
    --seconds) limit=(-max_total_time="$2"); shift 2 ;;
    --runs) limit=(-runs="$2"); shift 2 ;;
    *) echo "usage: scripts/fuzz.sh [TARGET|all] [--seconds N | --runs N]" >&2; exit 2 ;;
  esac
done
all=(pipeline query_parse bundle html shard protocol)
[[ $target == all ]] && targets=("${all[@]}") || targets=("$target")
shared=${FOLIO_SHARED:-$root/../shared}

# Seeds: the project's own articles, pages and bundles, written once.
seed() {
  local t=$1 dir=fuzz/corpus/$1
  mkdir -p "$dir"
  [[ -n "$(ls -A "$dir")" ]] && return
  case $t in
    pipeline|query_parse)
      cp corpus/*.txt "$dir"/ ;;
    bundle|protocol)
      cargo run -q --profile fast -p folio-cli -- bundle corpus --out "$dir/seeds.json" 2>/dev/null
      for c in crates/core/testdata/*/; do
        [[ -f "$c/source.txt" ]] && cargo run -q --profile fast -p folio-cli -- bundle "$c/source.txt" \
          --out "$dir/$(basename "$c").json" 2>/dev/null || true
      done ;;
    html)
      cp crates/core/testdata/*/source.html "$dir"/ 2>/dev/null || true
      if [[ -d "$shared/data/article-extraction-benchmark/html" ]]; then
        for f in "$shared"/data/article-extraction-benchmark/html/*.html.gz; do
          gunzip -c "$f" > "$dir/$(basename "$f" .gz)"
        done
      fi ;;
    shard) printf '\x00' > "$dir/pick-0" ;;
  esac
}

max_len() { case $1 in html) echo 262144 ;; bundle|protocol) echo 65536 ;; *) echo 4096 ;; esac; }

status=0
for t in "${targets[@]}"; do
  seed "$t"
  log=$(mktemp)
  san=(-s none -O -a)
  [[ -n "${FUZZ_SANITIZER:-}" ]] && san=(-s "$FUZZ_SANITIZER")
  echo "==> $t (${limit[*]})"
  set +e
  (cd fuzz && cargo +nightly fuzz run "${san[@]}" "$t" "corpus/$t" -- \
      -max_len="$(max_len "$t")" -print_final_stats=1 "${limit[@]}") > "$log" 2>&1
  rc=$?
  set -e
  # After a crash libFuzzer prints no final stats: the last status line's
  # count stands in, and a missing match must not end the script (pipefail).
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1 || true)
  [[ -z "$runs" ]] && runs=$(grep -oE '^#[0-9]+' "$log" | tr -d '#' | tail -1 || true)
  secs=$(grep -oE 'Done [0-9]+ runs in [0-9]+ second' "$log" | grep -oE 'in [0-9]+' | grep -oE '[0-9]+' | tail -1 || true)
  if [[ $rc -eq 0 ]]; then
    echo "$t: ${runs:-?} executions in ${secs:-?} s, no crash"
    rm -f "$log"
  else
    echo "$t: FAILED after ${runs:-?} executions (exit $rc); the end of its log:"
    tail -30 "$log"
    echo "(the whole log is kept in $log)"
    status=1
  fi
done
exit $status
