// folio-core (WebAssembly) vs MiniSearch vs FlexSearch, same corpus, same queries,
// one process. Run through run.sh, which builds the WASM first.
//
// Usage: node --expose-gc bench.mjs ground-truth.json [corpus-dir]
//
// For each corpus size it prints, per engine: index build time, serialised index
// size, memory, queries per second, p50/p99 latency, and folio's ratios to the
// others. Each engine answers with its top 10 for every query, as a search box
// would. What each engine can do differs; the query table says what each one gets.
//
// Every (engine, size) pair runs in a fresh Node process (this script re-invoked
// with --one), so one engine's garbage, heap size or grown WebAssembly memory
// never slows or inflates the next one's figures.

import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const MiniSearch = require("minisearch");
const FlexSearch = require("flexsearch");
// folio as shipped (opt-level "z", the app's release profile) from ./pkg; the
// same code at opt-level 3 from ./pkg-o3, to show what size-first costs.
const pkgDir = process.argv[3] === "--one" && process.argv[4] === "folio-o3" ? "./pkg-o3" : "./pkg";
const { Engine, memory_bytes: wasmMemory } = require(`${pkgDir}/folio_bench_wasm.js`);

const [, , gtPath, corpusDir] = process.argv;
const gt = JSON.parse(readFileSync(gtPath, "utf8"));
const bodies = Object.entries(gt).map(([id, v]) => ({ id, body: v.articleBody || "" }));

// Queries: kind, folio syntax, MiniSearch options, FlexSearch text.
const QUERIES = [
  { kind: "word", folio: "president ", mini: ["president", {}], flex: "president" },
  { kind: "word", folio: "police ", mini: ["police", {}], flex: "police" },
  { kind: "word", folio: "market ", mini: ["market", {}], flex: "market" },
  { kind: "two words", folio: "prime minister ", mini: ["prime minister", {}], flex: "prime minister" },
  { kind: "two words", folio: "climate change ", mini: ["climate change", {}], flex: "climate change" },
  // MiniSearch and FlexSearch have no phrase operator: they get the words (AND).
  { kind: "phrase", folio: '"prime minister"', mini: ["prime minister", {}], flex: "prime minister" },
  // Typo: folio corrects by edit distance; MiniSearch with fuzzy 0.2; FlexSearch
  // has no edit-distance matching (it is asked the same misspelt word).
  { kind: "typo", folio: "goverment ", mini: ["goverment", { fuzzy: 0.2 }], flex: "goverment" },
  // Prefix: folio on the last word; MiniSearch prefix; FlexSearch "forward" tokenizer.
  { kind: "prefix", folio: "presid", mini: ["presid", { prefix: true }], flex: "presid" },
];

function replicate(n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const b = bodies[i % bodies.length];
    out.push({ id: `${Math.floor(i / bodies.length)}-${b.id}`, body: b.body });
  }
  return out;
}

function gc() {
  if (global.gc) {
    global.gc();
    global.gc();
  }
}

function heap() {
  gc();
  return process.memoryUsage().heapUsed;
}

function now() {
  return Number(process.hrtime.bigint()) / 1e6; // ms
}

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

// Runs every query round-robin for at least `ms` milliseconds.
function timeQueries(run, ms = 1500) {
  for (let i = 0; i < 3; i++) QUERIES.forEach(run); // warm up
  const lat = [];
  const start = now();
  while (now() - start < ms) {
    for (const q of QUERIES) {
      const t = now();
      run(q);
      lat.push(now() - t);
    }
  }
  const total = now() - start;
  lat.sort((a, b) => a - b);
  return { qps: lat.length / (total / 1000), p50: pct(lat, 50), p99: pct(lat, 99) };
}

const engines = {
  folio: {
    build(docs) {
      const e = new Engine();
      for (const d of docs) e.add(d.id, "", d.body);
      return e;
    },
    search: (e, q) => e.top_ids(q.folio, 10),
    count: (e, q) => e.search(q.folio, 10),
    size: (e) => e.to_bytes().length,
  },
  minisearch: {
    build(docs) {
      const m = new MiniSearch({ fields: ["body"], idField: "id", searchOptions: { combineWith: "AND" } });
      m.addAll(docs);
      return m;
    },
    search: (m, q) => m.search(q.mini[0], q.mini[1]).slice(0, 10),
    count: (m, q) => m.search(q.mini[0], q.mini[1]).length,
    size: (m) => JSON.stringify(m).length,
  },
  flexsearch: {
    build(docs) {
      const f = new FlexSearch.Index({ tokenize: "forward" });
      docs.forEach((d, i) => f.add(i, d.body));
      return f;
    },
    search: (f, q) => f.search(q.flex, 10),
    count: (f, q) => f.search(q.flex, 100000).length,
    // FlexSearch 0.7 exports asynchronously, key by key; the bench reports no
    // size for it rather than a guess.
    size: () => null,
  },
};

engines["folio-o3"] = engines.folio;

function fmt(n, d = 1) {
  return Number(n).toFixed(d);
}

// One engine on one corpus size, in this process; prints one JSON line.
function runOne(name, n) {
  const eng = engines[name];
  const docs = replicate(n);
  const h0 = heap();
  const w0 = wasmMemory();
  const t0 = now();
  const idx = eng.build(docs);
  const buildMs = now() - t0;
  // folio: growth of WebAssembly linear memory (plus any JS heap growth);
  // the others: JS heap growth after a full GC.
  const mem = name.startsWith("folio") ? wasmMemory() - w0 + Math.max(0, heap() - h0) : heap() - h0;
  const counts = QUERIES.map((q) => eng.count(idx, q));
  const t = timeQueries((q) => eng.search(idx, q));
  const size = eng.size(idx);
  const out = { name, n, buildMs, size, mem, counts, ...t };
  if (name.startsWith("folio")) {
    // Load vs build: deserialise the compact form into a fresh engine.
    const bytes = idx.to_bytes();
    const e2 = new Engine();
    const t1 = now();
    out.loadOk = e2.load(bytes);
    out.loadMs = now() - t1;
    out.sameAnswers = QUERIES.every((q) => e2.search(q.folio, 10) === idx.search(q.folio, 10));
  }
  console.log(JSON.stringify(out));
}

function benchSize(label, n) {
  const docs = replicate(n);
  const rawBytes = docs.reduce((s, d) => s + Buffer.byteLength(d.body), 0);
  console.log(`\n## ${label}: ${docs.length} articles, ${(rawBytes / 1e6).toFixed(2)} MB of text\n`);
  const rows = {};
  for (const name of Object.keys(engines)) {
    const res = spawnSync(process.execPath, ["--expose-gc", process.argv[1], gtPath, "--one", name, String(n)], {
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
    if (res.status !== 0) throw new Error(`${name} ${n}: ${res.stderr}`);
    rows[name] = JSON.parse(res.stdout.trim().split("\n").pop());
  }
  console.log("| engine | build ms | index bytes | index / text | memory MB | QPS | p50 ms | p99 ms |");
  console.log("|---|---|---|---|---|---|---|---|");
  for (const [name, r] of Object.entries(rows)) {
    const size = r.size == null ? "n/a" : r.size;
    const ratioText = r.size == null ? "n/a" : `${fmt((100 * r.size) / rawBytes)}%`;
    console.log(
      `| ${name} | ${fmt(r.buildMs, 0)} | ${size} | ${ratioText} | ${fmt(r.mem / 1e6)} | ${fmt(r.qps, 0)} | ${fmt(r.p50, 3)} | ${fmt(r.p99, 3)} |`,
    );
  }
  const f = rows.folio;
  const ratio = (o) =>
    `QPS ${fmt(f.qps / o.qps, 2)}x, build time ${fmt(f.buildMs / o.buildMs, 2)}x, memory ${fmt(f.mem / o.mem, 2)}x` +
    (o.size == null ? "" : `, size ${fmt(f.size / o.size, 2)}x`);
  console.log(`\nfolio / minisearch: ${ratio(rows.minisearch)}`);
  console.log(`folio / flexsearch: ${ratio(rows.flexsearch)}`);
  const o3 = rows["folio-o3"];
  console.log(
    `folio-o3 / minisearch: QPS ${fmt(o3.qps / rows.minisearch.qps, 2)}x; folio-o3 / flexsearch: QPS ${fmt(o3.qps / rows.flexsearch.qps, 2)}x, build time ${fmt(o3.buildMs / rows.flexsearch.buildMs, 2)}x`,
  );
  console.log("\nmatches per query (folio / minisearch / flexsearch):");
  QUERIES.forEach((q, i) =>
    console.log(
      `  ${q.kind.padEnd(9)} ${JSON.stringify(q.folio).padEnd(22)} ${rows.folio.counts[i]} / ${rows.minisearch.counts[i]} / ${rows.flexsearch.counts[i]}`,
    ),
  );
  console.log(
    `\nfolio load from ${f.size} bytes: ${fmt(f.loadMs, 1)} ms (ok=${f.loadOk}) vs build ${fmt(f.buildMs, 1)} ms; same answers: ${f.sameAnswers}`,
  );
  console.log(`folio-o3 load: ${fmt(o3.loadMs, 1)} ms vs build ${fmt(o3.buildMs, 1)} ms`);
}

if (process.argv[3] === "--one") {
  runOne(process.argv[4], Number(process.argv[5]));
  process.exit(0);
}

if (corpusDir && corpusDir !== "--one") {
  const files = readdirSync(corpusDir).filter((f) => f.endsWith(".txt")).sort();
  const docs = files.map((f) => ({ id: f, body: readFileSync(join(corpusDir, f), "utf8") }));
  // Build vs load only: five articles are too few for a throughput table.
  const t0 = now();
  const e = new Engine();
  for (let i = 0; i < 20; i++) {
    const x = new Engine();
    for (const d of docs) x.add(d.id, "", d.body);
    x.free();
  }
  const buildMs = (now() - t0) / 20;
  for (const d of docs) e.add(d.id, "", d.body);
  const bytes = e.to_bytes();
  const t1 = now();
  for (let i = 0; i < 20; i++) {
    const x = new Engine();
    x.load(bytes);
    x.free();
  }
  const loadMs = (now() - t1) / 20;
  const raw = docs.reduce((s, d) => s + Buffer.byteLength(d.body), 0);
  console.log(
    `## bundled corpus (${docs.length} articles, ${raw} bytes raw): index ${bytes.length} bytes (${fmt((100 * bytes.length) / raw)}%), ` +
      `build ${fmt(buildMs, 2)} ms vs load ${fmt(loadMs, 2)} ms (mean of 20)`,
  );
  e.free();
}

benchSize("ground truth", bodies.length);
benchSize("replicated", 10000);
