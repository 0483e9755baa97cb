#!/usr/bin/env python3
"""Speed of the peers on the same articles as Abridge: Lead-3 (trivial) and sumy's LexRank,
TextRank and Luhn, timed as ../shared/tools/time_baselines.py times them (and as
../shared/eval/BASELINES.md reports): split + tokenise + select, single thread, the first
--n dev articles, one warm-up pass, then the best mean of --reps passes; per-article median of
that pass too.

  python3 benches/peers.py [--n 300] [--reps 3] [--json FILE]

Reads ../shared/eval/*/dev.jsonl and ../shared/tools/baselines.py (third-party data and the
shared tools: read in place, never copied); says so and exits 0 when they are absent.
Corpora and budgets as BASELINES.md: cnndm one sentence per line, 3 sentences;
bbc-news-summary split after . ! ?, max(1, round(0.42 x sentences)).
"""
import argparse
import json
import os
import statistics
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(REPO), "shared")
CORPORA = [
    # name, file, split, k, ratio  (the same budgets benches/run.sh gives Abridge)
    ("cnndm", "eval/cnndm/dev.jsonl", "lines", 3, None),
    ("bbc-news-summary", "eval/bbc-news-summary/dev.jsonl", "regex", None, 0.42),
]
PEERS = ["lead", "lexrank", "textrank", "luhn"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--json")
    a = ap.parse_args()
    tools = os.path.join(SHARED, "tools")
    if not os.path.exists(os.path.join(tools, "baselines.py")):
        print(f"peers: {tools}/baselines.py not found (../shared absent): skipped")
        return 0
    sys.path.insert(0, tools)
    try:
        from baselines import METHODS, split_lines, split_regex
    except ImportError as e:
        print(f"peers: cannot import the baselines ({e}); pip install sumy rouge-score")
        return 0
    out = {}
    for name, rel, split_kind, k_fixed, ratio in CORPORA:
        path = os.path.join(SHARED, rel)
        if not os.path.exists(path):
            print(f"peers: {path} not found: skipped")
            continue
        with open(path, encoding="utf-8") as f:
            docs = [json.loads(line) for line in f if line.strip()][: a.n]
        split = split_lines if split_kind == "lines" else split_regex
        out[name] = {"n": len(docs), "methods": {}}
        for method in PEERS:
            fn, best = METHODS[method], None
            for rep in range(a.reps + 1):
                times = []
                for d in docs:
                    t0 = time.perf_counter()
                    sents = split(d["article"])
                    k = k_fixed if k_fixed is not None else max(1, round(ratio * len(sents)))
                    fn(sents, k)
                    times.append((time.perf_counter() - t0) * 1000)
                if rep and (best is None or statistics.mean(times) < statistics.mean(best)):
                    best = times
            row = {"mean_ms": statistics.mean(best), "median_ms": statistics.median(best)}
            out[name]["methods"][method] = row
            print(f"{name:17} {method:9} mean {row['mean_ms']:8.3f} ms/article   median {row['median_ms']:8.3f}", flush=True)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
