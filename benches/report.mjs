// Prints benches/run.sh's tables from what its steps wrote to DIR (test-output/bench):
//   native-speed.txt (cargo bench --bench speed), wasm-speed.json (benches/wasm.mjs sizes),
//   peers.json (benches/peers.py), native-<corpus>.json and wasm-<corpus>.json (ms/article),
//   stages.txt (cargo bench --bench stages --features stage-timing).
//   node benches/report.mjs DIR
// Figures only, with the targets beside them; nothing is asserted.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] || 'test-output/bench';
const read = (name) => {
  const f = path.join(dir, name);
  return fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : null;
};
const json = (name) => {
  const t = read(name);
  return t ? JSON.parse(t) : null;
};
const out = [];

// 1. wasm vs native over the speed bench's sizes.
const native = (read('native-speed.txt') || '')
  .split('\n')
  .map((l) => l.match(/^\s*([\d.]+ (?:KB|MB))\s+([\d.]+)ms\s+([\d.]+)ms\s+([\d.]+)×\s+([\d.]+)\s+([\d.]+)MB\s+([\d.]+)×/))
  .filter(Boolean)
  .map((m) => ({ size: m[1], ms: +m[2], floor: +m[3], heap: +m[6], times: +m[7] }));
const wasm = json('wasm-speed.json');
if (native.length && wasm) {
  out.push('wasm vs native (median ms per call; wasm through its JS bindings, boundary crossings included; targets native/floor ≤ 4, wasm/native ≤ 1.6, peak heap ≤ 10× input from 1 MB)');
  out.push(`${'size'.padStart(8)} ${'native'.padStart(11)} ${'floor'.padStart(10)} ${'native/floor'.padStart(13)} ${'wasm'.padStart(11)} ${'wasm/native'.padStart(12)} ${'native MB/s'.padStart(12)} ${'wasm MB/s'.padStart(10)} ${'peak heap'.padStart(10)} ${'×input'.padStart(7)}`);
  wasm.rows.forEach((w, i) => {
    const n = native[i];
    if (!n) return;
    const mbps = (ms) => (w.bytes / 1e6 / (ms / 1e3)).toFixed(1);
    out.push(`${n.size.padStart(8)} ${n.ms.toFixed(3).padStart(9)}ms ${n.floor.toFixed(3).padStart(8)}ms ${(n.ms / n.floor).toFixed(1).padStart(12)}× ${w.ms.toFixed(3).padStart(9)}ms ${(w.ms / n.ms).toFixed(2).padStart(11)}× ${mbps(n.ms).padStart(12)} ${mbps(w.ms).padStart(10)} ${(n.heap.toFixed(1) + 'MB').padStart(10)} ${n.times.toFixed(1).padStart(6)}×`);
  });
  const tenK = wasm.rows.find((r) => r.size === 10_000);
  if (tenK) out.push(`10 KB article, wasm: ${tenK.ms.toFixed(3)} ms median (target < 2 ms)`);
  out.push(`input: ${wasm.source}`);
  out.push('');
}

// 2. Peers on the same articles.
const peers = json('peers.json');
if (peers) {
  out.push('ms per article on the same dev articles (best of 3 passes after a warm-up; mean, median in brackets); ratio = peer time / Abridge time (target: Abridge ≥ 100× faster than every sumy method)');
  for (const [corpus, p] of Object.entries(peers)) {
    const nat = json(`native-${corpus}.json`);
    const wa = json(`wasm-${corpus}.json`);
    out.push(`${corpus} (${p.n} articles)`);
    out.push(`  ${'method'.padEnd(16)} ${'ms/article'.padStart(18)} ${'÷ native'.padStart(10)} ${'÷ wasm'.padStart(10)}`);
    const row = (name, r) => `  ${name.padEnd(16)} ${(r.mean_ms.toFixed(3) + ` (${r.median_ms.toFixed(3)})`).padStart(18)}`;
    if (nat) out.push(row('Abridge native', nat));
    if (wa) out.push(row('Abridge wasm', wa));
    for (const [m, r] of Object.entries(p.methods)) {
      const ratio = (a) => (a ? (r.mean_ms / a.mean_ms).toFixed(a.mean_ms > r.mean_ms ? 3 : 1) + '×' : '–');
      out.push(`${row(m === 'lead' ? 'Lead-3' : m === 'lexrank' ? 'LexRank (sumy)' : m === 'textrank' ? 'TextRank (sumy)' : m === 'luhn' ? 'Luhn (sumy)' : m, r)} ${ratio(nat).padStart(10)} ${ratio(wa).padStart(10)}`);
    }
  }
  out.push('');
} else {
  out.push('peers: not measured (../shared/ absent or sumy missing)');
}
// 3. The per-stage split, as the bench printed it.
const stages = read('stages.txt');
if (stages) out.push('', 'where the native time goes (cargo bench --bench stages --features stage-timing)', stages.trim());
console.log(out.join('\n'));
