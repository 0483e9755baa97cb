#!/usr/bin/env python3
"""Key-fact figures per language and per kind, as Markdown tables, from the shared scorer.

usage: python3 scripts/facts-report.py [--shared ../shared] [--pred-en EN.jsonl] [--pred-ml ML.jsonl]
                                       [--eval target/release/examples/eval] [--per-article]

Without --pred-* it runs the eval example (built by `cargo build --release --examples`) over
`facts/dev.jsonl` and `facts/multilingual-dev.jsonl` and scores its predictions. Scoring is the
shared tool's own code (`tools/facts_eval.py`, imported, not copied): the same matching, credit
and micro-averages, applied to each language's articles apart. "speakers" counts matched gold
quotes whose prediction names the right speaker, over all matched gold quotes.
"""
import argparse
import importlib.util
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path


def load_scorer(shared):
    spec = importlib.util.spec_from_file_location("facts_eval", shared / "tools" / "facts_eval.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def predictions(args, gold_path):
    out = subprocess.run([args.eval, "facts", str(gold_path)], check=True, capture_output=True, text=True).stdout
    return {json.loads(line)["id"]: json.loads(line) for line in out.splitlines() if line.strip()}


def score(fe, gold, pred, ids):
    """Figures over the articles `ids`: dict of totals, and per-kind totals."""
    t = defaultdict(float)
    kinds = defaultdict(lambda: defaultdict(float))
    for aid in ids:
        gf, pf = gold[aid]["facts"], pred[aid]["facts"]
        m = fe.match(gf, pf)
        for i, g in enumerate(gf):
            c = m[i][1] if i in m else 0.0
            k = kinds[g["kind"]]
            k["n"] += 1
            k["core"] += g["core"]
            k["got"] += c
            k["core_got"] += c * g["core"]
            if g["kind"] == "quote" and i in m:
                t["quotes_matched"] += 1
                spk = pf[m[i][0]].get("speaker")
                t["speakers_ok"] += bool(spk) and fe.speaker_agrees(g["speaker"], spk)
        t["pred"] += len(pf)
        t["pred_got"] += sum(c for _, c in m.values())
    t["n"] = sum(k["n"] for k in kinds.values())
    t["core"] = sum(k["core"] for k in kinds.values())
    t["got"] = sum(k["got"] for k in kinds.values())
    t["core_got"] = sum(k["core_got"] for k in kinds.values())
    return t, kinds


def ratio(a, b):
    return f"{a / b:.3f}" if b else "-"


def row(name, n_articles, t):
    return (f"| {name} | {n_articles} | {ratio(t['core_got'], t['core'])} | {ratio(t['got'], t['n'])} | "
            f"{ratio(t['pred_got'], t['pred'])} | {int(t['speakers_ok'])}/{int(t['quotes_matched'])} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--eval", default="target/release/examples/eval")
    ap.add_argument("--pred-en")
    ap.add_argument("--pred-ml")
    ap.add_argument("--per-article", action="store_true")
    args = ap.parse_args()
    shared = Path(args.shared)
    if not (shared / "facts" / "dev.jsonl").exists():
        print(f"facts-report: {shared}/facts not found; nothing to score", file=sys.stderr)
        return 1
    fe = load_scorer(shared)
    sets = [("en", shared / "facts" / "dev.jsonl", args.pred_en),
            ("ml", shared / "facts" / "multilingual-dev.jsonl", args.pred_ml)]
    per_lang, per_kind = [], {}
    for name, gold_path, pred_path in sets:
        gold = fe.load(str(gold_path), gold=True)
        pred = fe.load(pred_path, gold=False) if pred_path else predictions(args, gold_path)
        by_lang = defaultdict(list)
        for aid, g in gold.items():
            by_lang[g.get("lang", "en")].append(aid)
        for lang in sorted(by_lang):
            t, _ = score(fe, gold, pred, by_lang[lang])
            per_lang.append(row(f"{lang} ({name} dev)" if name == "en" else lang, len(by_lang[lang]), t))
            if args.per_article:
                for aid in by_lang[lang]:
                    ta, _ = score(fe, gold, pred, [aid])
                    per_lang.append(row(f"  {aid}", 1, ta))
        t, kinds = score(fe, gold, pred, list(gold))
        per_lang.append(row(f"**all {name} dev**", len(gold), t))
        per_kind[name] = kinds
    print("| language | articles | recall (core) | recall (all) | precision | speakers right |")
    print("|---|---|---|---|---|---|")
    print("\n".join(per_lang))
    print()
    print("| kind | en dev: gold / core | en recall (core) | ml dev: gold / core | ml recall (core) |")
    print("|---|---|---|---|---|")
    for k in fe.KINDS:
        e, m = per_kind["en"].get(k, {}), per_kind["ml"].get(k, {})
        print(f"| {k} | {int(e.get('n', 0))} / {int(e.get('core', 0))} | {ratio(e.get('got', 0), e.get('n', 0))} "
              f"({ratio(e.get('core_got', 0), e.get('core', 0))}) | {int(m.get('n', 0))} / {int(m.get('core', 0))} | "
              f"{ratio(m.get('got', 0), m.get('n', 0))} ({ratio(m.get('core_got', 0), m.get('core', 0))}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
