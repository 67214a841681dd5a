#!/usr/bin/env bash
# The scale measurements of issue #7: generates N articles (default 100,000;
# the 181 benchmark bodies recombined, varied ids and dates), builds a site of
# them with `folio build` (time and peak memory), reports the site's size, then
# measures it in headless Chromium (crates/e2e/src/bin/site-bench.rs).
# Usage: scripts/bench-site.sh [N] [WORK_DIR] [dir|jsonl]   (needs dist/: `make build`)
# The input is a folder of N .txt files with .meta.json sidecars (dir, the
# default) or one JSON-lines file of N articles (jsonl): the same articles,
# without the file system's cost of 200,000 small files.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-100000}"
work="${2:-${TMPDIR:-/tmp}/folio-site-bench}"
input="${3:-dir}"
[ -f dist/index.html ] || { echo "build the app first: make build" >&2; exit 1; }
mkdir -p "$work"
case "$input" in
  dir)
    articles="$work/articles"
    if [ ! -f "$articles/gen-$(printf %06d $((n - 1))).txt" ]; then
      rm -rf "$articles"
      python3 scripts/make-corpus-100k.py "$n" --dir "$articles"
    fi ;;
  jsonl)
    articles="$work/articles-$n.jsonl"
    [ -f "$articles" ] || python3 scripts/make-corpus-100k.py "$n" > "$articles" ;;
  *) echo "input is dir or jsonl, not $input" >&2; exit 1 ;;
esac
cargo build -q --profile fast -p folio-cli
cargo build -q --release -p folio-e2e
# A previous site is deleted after the build, not before: on a file system
# without a journal, ext4 checks each new inode against those deleted in the
# last minutes, and creating 110,000 files right after deleting as many took
# three times the system time.
old=""
if [ -d "$work/site" ]; then old="$work/site.old.$$"; mv "$work/site" "$old"; fi
/usr/bin/time -v target/fast/folio build "$articles" --out "$work/site" 2> "$work/build.log" || { cat "$work/build.log"; exit 1; }
[ -n "$old" ] && rm -rf "$old"
grep -E "^folio:|Elapsed|Maximum resident|User time|System time|Percent of CPU" "$work/build.log"
echo "site: $(du -sb "$work/site" | cut -f1) bytes on disk, $(find "$work/site" -type f | wc -l) files"
target/release/site-bench "$work/site" --runs 3
