#!/usr/bin/env bash
# Speed and size figures (printed, not asserted; a shared machine makes timings noisy, so
# run it on a quiet one and read medians):
#   1. the release builds (the wasm module as shipped: scripts/build.sh);
#   2. native speed: cargo bench --bench speed (1 KB … 5 MB: ms, MB/s, ratio to the floor, peak heap);
#   3. wasm speed on the same inputs through the JS bindings (benches/wasm.mjs), then one table
#      pairing wasm and native with the wasm/native ratio;
#   4. where the native time goes: cargo bench --bench stages --features stage-timing (ns per
#      input byte in each stage: clean, segment, tokens, scoring, selection, facts, keywords,
#      summary; the timing hooks exist only with that feature, never in the shipped builds);
#   5. quadratic traps: cargo bench --bench traps;
#   6. peers on the same 300 dev articles per corpus: Lead-3 and sumy's LexRank, TextRank, Luhn
#      (benches/peers.py), Abridge native (examples/per_article.rs) and wasm (benches/wasm.mjs);
#   7. size: gzipped wasm and extension payload against their budgets (benches/size.mjs; its
#      non-zero exit when over budget is reported here, not passed on).
# Steps 2, 3, 4 and 6 read ../shared/eval/ (the seed article stands in for step 2–3 without it;
# step 5 is skipped). Outputs go to test-output/bench/.
#   benches/run.sh        (npm run bench)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=test-output/bench
mkdir -p "$OUT"

scripts/setup.sh build
echo "== build: wasm (release, as shipped) and native release"
scripts/build.sh
cargo build --locked --release --quiet --examples

echo "== native speed (cargo bench --bench speed)"
cargo bench --locked --quiet --bench speed | tee "$OUT/native-speed.txt"
echo "== wasm speed, same inputs (node benches/wasm.mjs sizes)"
node benches/wasm.mjs sizes --json "$OUT/wasm-speed.json"
echo "== per-stage split (cargo bench --bench stages --features stage-timing)"
cargo bench --locked --quiet --bench stages --features stage-timing | tee "$OUT/stages.txt"
echo "== quadratic traps (cargo bench --bench traps)"
cargo bench --locked --quiet --bench traps | tee "$OUT/traps.txt"

if [ -f ../shared/eval/cnndm/dev.jsonl ] && [ -f ../shared/tools/baselines.py ]; then
  echo "== peers (python3 benches/peers.py: 300 dev articles per corpus, best of 3)"
  python3 benches/peers.py --n 300 --reps 3 --json "$OUT/peers.json"
  echo "== Abridge on the same articles (native, wasm)"
  for spec in "cnndm|../shared/eval/cnndm/dev.jsonl|--lines --sentences 3" \
              "bbc-news-summary|../shared/eval/bbc-news-summary/dev.jsonl|--ratio 0.42"; do
    IFS='|' read -r name file args <<<"$spec"
    [ -f "$file" ] || continue
    # shellcheck disable=SC2086
    target/release/examples/per_article "$file" $args --n 300 --reps 3 | tee "$OUT/native-$name.json"
    # shellcheck disable=SC2086
    node benches/wasm.mjs per-article "$file" $args --n 300 --reps 3 --json "$OUT/wasm-$name.json"
  done
else
  echo "== peers: ../shared/eval or ../shared/tools absent: skipped"
  rm -f "$OUT/peers.json"
fi

echo "== size (node benches/size.mjs)"
node benches/size.mjs || echo "(size: over budget, see above; benches/run.sh does not fail on it)"

echo
echo "== summary"
node benches/report.mjs "$OUT"
