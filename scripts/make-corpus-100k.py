#!/usr/bin/env python3
"""Writes a generated corpus for scale measurements (issue #7): N articles as
JSON lines ({"id", "text", "published"}), each the body of one benchmark page
with a paragraph of another appended, with varied ids and dates.

Usage: scripts/make-corpus-100k.py [N] > corpus.jsonl
       scripts/make-corpus-100k.py N --dir DIR   (N .txt files with .meta.json
                                                  sidecars, for `folio build`)
The bodies are the 181 of ../shared/data/article-extraction-benchmark (MIT)."""
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
gt_path = os.path.join(here, "..", "..", "shared", "data", "article-extraction-benchmark", "ground-truth.json")
if not os.path.exists(gt_path):
    gt_path = "/work/shared/data/article-extraction-benchmark/ground-truth.json"
bodies = [v["articleBody"] for v in json.load(open(gt_path)).values() if v.get("articleBody")]
args = [a for a in sys.argv[1:] if a != "--dir"]
to_dir = args[1] if "--dir" in sys.argv[1:] and len(args) > 1 else None
n = int(args[0]) if args else 100_000
out = sys.stdout
if to_dir:
    os.makedirs(to_dir, exist_ok=True)
for i in range(n):
    body = bodies[i % len(bodies)]
    extra = bodies[(i * 7 + 3) % len(bodies)].split("\n\n")[0]
    day = 1 + i % 28
    month = 1 + (i // 28) % 12
    year = 2015 + (i // 336) % 10
    line = {"id": f"gen-{i:06d}", "text": f"{body}\n\n{extra}", "published": f"{year}-{month:02d}-{day:02d}"}
    if to_dir:
        with open(os.path.join(to_dir, line["id"] + ".txt"), "w", encoding="utf-8") as f:
            f.write(line["text"])
        with open(os.path.join(to_dir, line["id"] + ".meta.json"), "w", encoding="utf-8") as f:
            json.dump({"published": line["published"]}, f)
    else:
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
