#!/usr/bin/env python3
"""Picks the third held-out batch of the entity dev gold set (bench/entity-dev/gold-fresh3.json).

    python3 bench/entity-dev/pick_fresh3.py [CORPORA_DIR] [--text]   (default /work/shared/corpora)

Drawn with random.Random(4242) from records in none of the earlier gold files (the ids of
gold.json, gold-fresh.json, gold-fresh2.json, gold-people.json, gold-people2.json and
gold-people3.json, read from this folder; only their ids are read), in this order: 20
agnews-test records of category Business, Sci/Tech or World; 10 reuters-21578 records of
text type NORM with a body of 200..1500 bytes; 12 tech-articles records with a body of
800..3500 bytes, at most 2 per publisher (`source` field): the pool is shuffled and taken in
that order, a record skipped when its publisher already has 2. Sizes are len() of the body
string, as in pick_fresh.py and pick_fresh2.py. A drawn record whose title and body are
those of a record in an earlier gold file (a copy under another id) is dropped after the
draw, so no text that rules were tuned on is scored as held out. No BBC.
Every record's split is 'fresh3'. Prints one line per article: corpus, id, split, body bytes
(with --text, the text the indexer gives the extractor, title + "\\n\\n" + body, after each
line, for annotation).
"""
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EARLIER = ("gold.json", "gold-fresh.json", "gold-fresh2.json", "gold-people.json",
           "gold-people2.json", "gold-people3.json")
N_AG, N_RT, N_TE = 20, 10, 12


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = args[0] if args else "/work/shared/corpora"
    taken = set()
    for name in EARLIER:
        with open(HERE / name, encoding="utf-8") as f:
            taken |= set(json.load(f)["docs"])
    rng = random.Random(4242)
    ag = [d for d in load(root + "/agnews-test/agnews_test.jsonl")
          if d.get("category") in ("Business", "Sci/Tech", "World") and d["id"] not in taken]
    rt = [d for d in load(root + "/reuters-21578/reuters21578.jsonl")
          if d.get("text_type") == "NORM" and 200 <= len(d["body"]) <= 1500
          and d["id"] not in taken]
    te = [d for d in load(root + "/tech-articles/tech_articles.jsonl")
          if 800 <= len(d["body"]) <= 3500 and d["id"] not in taken]
    picked = [("agnews-test", d) for d in rng.sample(ag, N_AG)]
    picked += [("reuters-21578", d) for d in rng.sample(rt, N_RT)]
    rng.shuffle(te)
    per_source = {}
    for d in te:
        if len(picked) == N_AG + N_RT + N_TE:
            break
        if per_source.get(d["source"], 0) < 2:
            per_source[d["source"]] = per_source.get(d["source"], 0) + 1
            picked.append(("tech-articles", d))
    # Copies of earlier gold records under another id: dropped (the draw is unchanged).
    seen_text = set()
    for f in ("agnews-test/agnews_test.jsonl", "reuters-21578/reuters21578.jsonl",
              "tech-articles/tech_articles.jsonl"):
        for d in load(root + "/" + f):
            if d["id"] in taken:
                seen_text.add((d["title"], d["body"]))
    picked = [(c, d) for c, d in picked if (d["title"], d["body"]) not in seen_text]
    for corpus, d in picked:
        print(corpus, d["id"], "fresh3", len(d["body"]))
        if "--text" in sys.argv:
            print(d["title"] + "\n\n" + d["body"])
            print("-----")


if __name__ == "__main__":
    main()
