#!/usr/bin/env python3
"""Picks the articles of the second person check (bench/entity-dev/gold-people2.json), reproducibly.

    python3 bench/entity-dev/pick_people2.py [CORPORA_DIR] [--text] [--exclude IDS_FILE]

Sixth round of issue 11 (people). random.Random(6206) draws 22 agnews-test records of
category World, Sports or Business, 10 reuters-21578 records of text type NORM with a body
of 200..1500 bytes and 8 tech-articles records with a body of 800..2500 bytes; in every
pool only records whose body has "said" or "says" (reported speech names people) and that
are in none of the earlier gold files (the ids of gold.json, gold-people.json and the
held-out gold-fresh.json, read from this folder; --exclude adds a file of more ids, one per
line). Never BBC.
Prints one line per article: corpus, id, body bytes; with --text, the text the indexer
gives the extractor (title + "\\n\\n" + body) after each line, for annotation.
"""
import json
import os
import random
import re
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def main():
    argv = sys.argv[1:]
    exclude = None
    if "--exclude" in argv:
        i = argv.index("--exclude")
        exclude = argv[i + 1]
        del argv[i:i + 2]
    args = [a for a in argv if not a.startswith("--")]
    root = args[0] if args else "/work/shared/corpora"
    here = os.path.dirname(os.path.abspath(__file__))
    taken = set()
    # The earlier gold files' ids (only the ids of the held-out gold-fresh.json are read).
    for name in ("gold.json", "gold-people.json", "gold-fresh.json"):
        with open(os.path.join(here, name), encoding="utf-8") as f:
            taken |= set(json.load(f)["docs"])
    if exclude:
        with open(exclude, encoding="utf-8") as f:
            taken |= set(f.read().split())
    said = re.compile(r"\b(said|says)\b")
    ag = [d for d in load(root + "/agnews-test/agnews_test.jsonl")
          if d.get("category") in ("World", "Sports", "Business")
          and d["id"] not in taken and said.search(d["body"])]
    rt = [d for d in load(root + "/reuters-21578/reuters21578.jsonl")
          if d.get("text_type") == "NORM" and 200 <= len(d["body"]) <= 1500
          and d["id"] not in taken and said.search(d["body"])]
    te = [d for d in load(root + "/tech-articles/tech_articles.jsonl")
          if 800 <= len(d["body"]) <= 2500 and d["id"] not in taken and said.search(d["body"])]
    rng = random.Random(6206)
    for corpus, pool, n in (("agnews-test", ag, 22), ("reuters-21578", rt, 10),
                            ("tech-articles", te, 8)):
        for d in rng.sample(pool, n):
            print(corpus, d["id"], len(d["body"]))
            if "--text" in sys.argv:
                print(d["title"] + "\n\n" + d["body"])
                print("-----")


if __name__ == "__main__":
    main()
