#!/usr/bin/env python3
"""Pools the top N of several runs per query and prints what an assessor reads.

    pool.py QUERIES.tsv CORPUS JSONL RUN... [--depth 20] [--qrels QRELS]

For every query of CORPUS: the union of each run's top --depth stories, sorted by
document id (so the assessor does not see which system returned what, nor where), each
with its title, the start of its body and the passages around the query's words. A story
is one text: exact copies (same title and body under other ids, ~1,450 in tech-articles)
are listed once, under the first id of the corpus, with the number of copies, and a run's
copies of one story count once towards its depth. With --qrels, stories already judged are
left out (to extend a pool with a new run).

    pool.py --expand JUDGED CORPUS JSONL

turns the assessor's grades (`qid <TAB> docid <TAB> grade`, one line per story) into qrels
lines (`qid <TAB> corpus <TAB> docid <TAB> grade`) for the story and every exact copy of it.
Prints to stdout; nothing else is written (the corpora are local-use only, never committed).
"""
import hashlib
import sys


def load(jsonl):
    """Every record by id, and the id of the first record of each story, by id."""
    docs, first, story_of = {}, {}, {}
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            key = hashlib.sha1((r.get("title", "") + "\0" + r.get("body", "")).encode()).digest()
            docs[r["id"]] = r
            story_of[r["id"]] = first.setdefault(key, r["id"])
    return docs, story_of


def expand(judged, corpus, jsonl):
    _, story_of = load(jsonl)
    copies = defaultdict(list)
    for doc, story in story_of.items():
        copies[story].append(doc)
    with open(judged, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            qid, doc, grade = line.split()
            if doc not in story_of or grade not in ("0", "1", "2"):
                sys.exit(f"{judged}:{n}: unknown document or grade")
            for d in copies[story_of[doc]]:
                print(f"{qid}\t{corpus}\t{d}\t{grade}")
import argparse
import json
import re
from collections import defaultdict


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "--expand":
        return expand(*sys.argv[2:])
    ap = argparse.ArgumentParser()
    ap.add_argument("queries")
    ap.add_argument("corpus")
    ap.add_argument("jsonl")
    ap.add_argument("runs", nargs="+")
    ap.add_argument("--depth", type=int, default=20)
    ap.add_argument("--qrels")
    ap.add_argument("--lead", type=int, default=260)
    args = ap.parse_args()
    queries = {}
    with open(args.queries, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            qid, corpus, text = line.rstrip("\n").split("\t")
            if corpus == args.corpus:
                queries[qid] = text
    judged = defaultdict(set)
    if args.qrels:
        with open(args.qrels, encoding="utf-8") as f:
            for line in f:
                p = line.rstrip("\n").split("\t")
                if len(p) == 4:
                    judged[p[0]].add(p[2])
    docs, story_of = load(args.jsonl)
    ncopies = defaultdict(int)
    for story in story_of.values():
        ncopies[story] += 1
    judged = {q: {story_of.get(d, d) for d in ds} for q, ds in judged.items()}
    pool = defaultdict(set)
    for path in args.runs:
        seen = defaultdict(list)
        with open(path, encoding="utf-8") as f:
            for line in f:
                qid, _, doc, rank, _, _ = line.split()
                story = story_of.get(doc, doc)
                if qid in queries and story not in seen[qid] and len(seen[qid]) < args.depth:
                    seen[qid].append(story)
        for qid, stories in seen.items():
            pool[qid].update(s for s in stories if s not in judged.get(qid, ()))
    for qid, text in queries.items():
        words = [w for w in re.findall(r"\w+", text.lower()) if len(w) > 2]
        stems = [w[: max(4, len(w) - 2)] for w in words]
        pat = re.compile(r"\b(" + "|".join(map(re.escape, stems)) + r")\w*", re.I) if stems else None
        print(f"=== {qid} [{text}] {len(pool[qid])} documents")
        for doc in sorted(pool[qid]):
            r = docs.get(doc, {"title": "?", "body": ""})
            body = " ".join(r.get("body", "").split())
            more = f" (+{ncopies[doc] - 1} copies)" if ncopies[doc] > 1 else ""
            print(f"## {doc}{more} | {r.get('title', '')}")
            print("   " + body[: args.lead])
            if pat:
                seen, shown = set(), 0
                for m in pat.finditer(body):
                    w = m.group(1).lower()
                    if w in seen or m.start() < args.lead:
                        continue
                    seen.add(w)
                    a = max(0, m.start() - 70)
                    print("   ..." + body[a : m.end() + 70] + "...")
                    shown += 1
                    if shown == 2:
                        break
    return 0


if __name__ == "__main__":
    main()
