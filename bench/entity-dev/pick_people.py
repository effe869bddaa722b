#!/usr/bin/env python3
"""Picks the articles of the person-only check (bench/entity-dev/gold-people.json), reproducibly.

    python3 bench/entity-dev/pick_people.py [CORPORA_DIR] [--text]   (default /work/shared/corpora)

Third round of issue 11 (people). random.Random(3011) draws 28 agnews-test records of
category World, Sports or Business and 12 reuters-21578 records of text type NORM with a
body of 200..1500 bytes, then (same generator) 25 more agnews-test records of World or
Sports; in every pool only records whose body has the word "said" (reported speech names
people) and that are not already in gold.json. Never BBC.
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
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = args[0] if args else "/work/shared/corpora"
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "gold.json"), encoding="utf-8") as f:
        taken = set(json.load(f)["docs"])
    said = re.compile(r"\bsaid\b")
    ag = [d for d in load(root + "/agnews-test/agnews_test.jsonl")
          if d.get("category") in ("World", "Sports", "Business")
          and d["id"] not in taken and said.search(d["body"])]
    rt = [d for d in load(root + "/reuters-21578/reuters21578.jsonl")
          if d.get("text_type") == "NORM" and 200 <= len(d["body"]) <= 1500
          and d["id"] not in taken and said.search(d["body"])]
    rng = random.Random(3011)
    taken_now = set()
    # A second batch from the same generator: 25 agnews-test records of World or Sports only
    # (the first batch held 22 people in 40 records; these categories name more people).
    ws = [d for d in ag if d.get("category") in ("World", "Sports")]
    for corpus, pool, n in (("agnews-test", ag, 28), ("reuters-21578", rt, 12),
                            ("agnews-test", ws, 25)):
        for d in rng.sample([d for d in pool if d["id"] not in taken_now], n):
            taken_now.add(d["id"])
            print(corpus, d["id"], len(d["body"]))
            if "--text" in sys.argv:
                print(d["title"] + "\n\n" + d["body"])
                print("-----")


if __name__ == "__main__":
    main()
