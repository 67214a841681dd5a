// Issue #3's pipeline in WebAssembly: folio_bench_wasm.Pipeline (every article
// extracted, then the cross-article entity merge) over the 181 ground-truth
// bodies, the input folio-core's criterion group pipeline_181_bodies/extract_merge
// reads, in the same order. Run through run.sh, which builds the WASM first.
//
// Usage: node bench.mjs ground-truth.json [rounds] [native-json-line]
//
// Each build (pkg: opt-level "z" as the app ships; pkg-o3: opt-level 3) runs in
// a fresh Node process. The text is copied into WebAssembly memory once; each
// timed round is one Pipeline.run(). Prints best and median round, MB/s (10^6
// bytes) and MiB/s (2^20) from the best round, and the ratio to the native line
// that run.sh passes (the same Rust function, examples/pipeline.rs).

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const [, , gtPath, roundsArg, third, fourth] = process.argv;
const rounds = Number(roundsArg || 20);

function now() {
  return Number(process.hrtime.bigint()) / 1e6; // ms
}

// One build in this process; prints one JSON line.
function runOne(pkgDir) {
  const { Pipeline } = require(`${pkgDir}/folio_bench_wasm.js`);
  const gt = JSON.parse(readFileSync(gtPath, "utf8"));
  const ids = Object.keys(gt).sort();
  const p = new Pipeline();
  for (const id of ids) p.add(`${id}.txt`, gt[id].articleBody || "");
  const entities = p.run();
  p.run(); // warm-up: the first runs also grow memory and tier up the code
  const ms = [];
  for (let i = 0; i < rounds; i++) {
    const t = now();
    const n = p.run();
    ms.push(now() - t);
    if (n !== entities) throw new Error(`round ${i}: ${n} entities, not ${entities}`);
  }
  ms.sort((a, b) => a - b);
  const out = {
    name: pkgDir.replace("./", ""),
    articles: ids.length,
    bytes: p.bytes(),
    entities,
    rounds,
    bestMs: ms[0],
    medianMs: ms[Math.floor(ms.length / 2)],
  };
  console.log(JSON.stringify(out));
}

if (third === "--one") {
  runOne(fourth);
  process.exit(0);
}

const rows = [];
for (const pkg of ["./pkg", "./pkg-o3"]) {
  const res = spawnSync(process.execPath, [process.argv[1], gtPath, String(rounds), "--one", pkg], {
    encoding: "utf8",
  });
  if (res.status !== 0) throw new Error(`${pkg}: ${res.stderr}`);
  rows.push(JSON.parse(res.stdout.trim().split("\n").pop()));
}
const native = third ? JSON.parse(third) : null;
if (native) rows.push(native);

const mb = (r) => r.bytes / 1e6 / (r.bestMs / 1e3);
const mib = (r) => r.bytes / 1048576 / (r.bestMs / 1e3);
const f = (x, d = 1) => Number(x).toFixed(d);
const first = rows[0];
console.log(
  `\n## extract + merge: ${first.articles} articles, ${first.bytes} bytes (${f(first.bytes / 1e6, 3)} MB) of text, ${rounds} rounds\n`,
);
console.log("| build | entities | best ms | median ms | MB/s (best) | MiB/s (best) | time / native (best) | time / native (median) |");
console.log("|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  const ratio = (k) => (native ? `${f(r[k] / native[k], 2)}x` : "n/a");
  console.log(
    `| ${r.name} | ${r.entities} | ${f(r.bestMs)} | ${f(r.medianMs)} | ${f(mb(r))} | ${f(mib(r))} | ${ratio("bestMs")} | ${ratio("medianMs")} |`,
  );
}
if (native && rows.some((r) => r.entities !== native.entities)) {
  throw new Error("the builds disagree on the number of merged entities");
}
