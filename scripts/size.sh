#!/usr/bin/env bash
# Prints the size of the built app (raw and gzip) and fails over the first-load
# budget: 400 kB gzip of wasm.
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET=$((400 * 1000))
status=0
app_wasm=0
printf '%-48s %10s %10s\n' file raw gzip
for f in dist/*.wasm dist/*.js dist/*.css dist/index.html; do
  [[ -f "$f" ]] || continue
  raw=$(stat -c%s "$f")
  gz=$(gzip -9c "$f" | wc -c)
  printf '%-48s %10s %10s\n' "$(basename "$f")" "$raw" "$gz"
  # The budget is for what every visit loads: the app's wasm, not the import
  # worker's (loaded at the first import).
  if [[ "$f" == */folio-app-*.wasm ]]; then
    app_wasm=$((app_wasm + 1))
    if [[ $gz -gt $BUDGET ]]; then
      echo "over budget: $f is $gz bytes gzip (budget $BUDGET)"; status=1
    fi
  fi
done
# Fetched only when the map opens: not first-load, not in the budget.
for f in dist/assets/*; do
  [[ -f "$f" ]] || continue
  printf '%-48s %10s %10s  (lazy)\n' "assets/$(basename "$f")" "$(stat -c%s "$f")" "$(gzip -9c "$f" | wc -c)"
done
# A report with no app wasm checked nothing: a renamed or missing build fails here.
if [[ $app_wasm -ne 1 ]]; then
  echo "expected exactly one dist/folio-app-*.wasm, found $app_wasm: run trunk build --release --offline first"
  status=1
fi
exit $status
