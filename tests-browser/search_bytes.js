#!/usr/bin/env node
/* Bytes a query loads from a built site's search/ folder: manifest, postings shards, position
 * shards (phrases), filters (when filtering) and the doc shards of the first 10 hits, exactly as
 * assets/search.js loads them.
 *   node tests-browser/search_bytes.js SITE_DIR [SEARCH_JS] "query one" "query two" ... */
const fs = require("fs");
const path = require("path");
const [site, searchJS, ...queries] = process.argv.slice(2);
global.window = {};
require(path.resolve(searchJS));
const api = window.debriefSearch;
global.debriefSearch = api;
const base = path.join(site, "search") + "/";
let loaded = new Map();
api.load = (b, p) => {
  if (!loaded.has(p)) {
    let ok = true;
    try { const text = fs.readFileSync(b + p, "utf8"); loaded.set(p, Buffer.byteLength(text)); eval(text); }
    catch (e) { loaded.set(p, 0); ok = false; }
    return Promise.resolve(ok);
  }
  return Promise.resolve(true);
};
(async () => {
  for (const q of queries) {
    loaded = new Map();
    api.shards = {}; api.positions = {}; api.docs = {}; api.filters = {};
    const manifest = fs.readFileSync(base + "manifest.js", "utf8");
    eval(manifest);
    const t0 = process.hrtime.bigint();
    const found = await api.search(base, q, { limit: 10 });
    const rows = await api.describe(base, found.hits);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const total = Buffer.byteLength(manifest) + [...loaded.values()].reduce((a, b) => a + b, 0);
    console.log(`${JSON.stringify(q)}: ${total} bytes in ${loaded.size + 1} files, ${found.hits.length} hits, ${ms.toFixed(1)} ms; first: ${rows[0] ? rows[0].title : "-"}`);
  }
})();
