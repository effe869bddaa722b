#!/usr/bin/env python3
"""Scores ranked runs against the graded dev set (bench/ranking/README.md).

    score.py QRELS RUN... [--queries queries.tsv] [--split all|tune|test] [--per-query]

QRELS: `qid <TAB> corpus <TAB> docid <TAB> grade` (0 not relevant, 1 partly, 2 highly).
RUN: TREC run lines `qid Q0 docid rank score system` (one system per file; its name is the
last column). Per system, averaged over the queries of the split (every query of QUERIES
whose qid has judgments; a query a system returns nothing for scores 0):
  nDCG@10   gain = grade, discount log2(rank + 1), ideal from all judged documents
  P@10      share of the top 10 graded >= 1 (fewer than 10 hits count as misses)
  R@100     documents graded >= 1 in the top 100 / all documents graded >= 1
  unj@10    documents in the top 10 nobody judged (scored as 0): how far the pool covers
Splits: `tune` is the odd-numbered queries of each corpus (t01, t03, ..., r01, ...), `test`
the even ones; the default matching was chosen on `tune` (README.md). Python 3 stdlib only.
"""
import argparse
import math
import sys
from collections import defaultdict


def read_qrels(path):
    qrels = defaultdict(dict)
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 4 or parts[3] not in ("0", "1", "2"):
                sys.exit(f"{path}:{n}: expected qid, corpus, docid, grade 0/1/2 (tab-separated)")
            qrels[parts[0]][parts[2]] = int(parts[3])
    return qrels


def read_run(path):
    run, name = defaultdict(list), None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) != 6:
                sys.exit(f"{path}:{n}: expected `qid Q0 docid rank score system`")
            run[parts[0]].append((int(parts[3]), parts[2]))
            name = parts[5]
    for qid in run:
        run[qid] = [d for _, d in sorted(run[qid])]
    return name or path, run


def ndcg(ranked, judged, k=10):
    dcg = sum(judged.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
    ideal = sorted(judged.values(), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


def measures(ranked, judged):
    relevant = sum(1 for g in judged.values() if g >= 1)
    return {
        "nDCG@10": ndcg(ranked, judged),
        "P@10": sum(1 for d in ranked[:10] if judged.get(d, 0) >= 1) / 10,
        "R@100": (sum(1 for d in ranked[:100] if judged.get(d, 0) >= 1) / relevant) if relevant else 0.0,
        "unj@10": sum(1 for d in ranked[:10] if d not in judged),
    }


def in_split(qid, split):
    if split == "all":
        return True
    odd = int("".join(c for c in qid if c.isdigit()) or 0) % 2 == 1
    return odd if split == "tune" else not odd


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("qrels")
    ap.add_argument("runs", nargs="+")
    ap.add_argument("--split", default="all", choices=["all", "tune", "test"])
    ap.add_argument("--per-query", action="store_true", help="also print nDCG@10 per query")
    ap.add_argument("--corpus", help="only the queries of this corpus (tech, reuters)")
    ap.add_argument("--queries", help="queries.tsv, for --corpus")
    args = ap.parse_args()
    qrels = read_qrels(args.qrels)
    qids = sorted(q for q in qrels if in_split(q, args.split))
    if args.corpus:
        if not args.queries:
            sys.exit("--corpus needs --queries")
        with open(args.queries, encoding="utf-8") as f:
            wanted = {l.split("\t")[0] for l in f if not l.startswith("#") and "\t" in l
                      and l.split("\t")[1] == args.corpus}
        qids = [q for q in qids if q in wanted]
    if not qids:
        sys.exit("no judged queries in this split")
    names = ["nDCG@10", "P@10", "R@100", "unj@10"]
    print(f"{len(qids)} queries ({args.split}{', ' + args.corpus if args.corpus else ''})\n")
    print("| system | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    per_query = {}
    for path in args.runs:
        name, run = read_run(path)
        rows = [measures(run.get(q, []), qrels[q]) for q in qids]
        per_query[name] = [r["nDCG@10"] for r in rows]
        cells = []
        for m in names:
            mean = sum(r[m] for r in rows) / len(rows)
            cells.append(f"{mean:.1f}" if m == "unj@10" else f"{mean:.3f}")
        print(f"| {name} | " + " | ".join(cells) + " |")
    if args.per_query:
        print("\nnDCG@10 per query\n")
        print("| qid | " + " | ".join(per_query) + " |")
        print("|---|" + "---:|" * len(per_query))
        for i, q in enumerate(qids):
            print(f"| {q} | " + " | ".join(f"{v[i]:.3f}" for v in per_query.values()) + " |")


if __name__ == "__main__":
    main()
