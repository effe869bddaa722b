#!/usr/bin/env python3
"""Picks the third person check of the entity dev gold set (bench/entity-dev/gold-people3.json).

    python3 bench/entity-dev/pick_people3.py [CORPORA_DIR] [--text]   (default /work/shared/corpora)

Drawn with random.Random(3303) from records in none of the earlier gold files (the ids of
gold.json, gold-fresh.json, gold-fresh2.json, gold-people.json and gold-people2.json, read
from this folder; only their ids are read) whose body contains " said", " says" or " told"
(plain substring test, the leading space included: reported speech names people), in this
order: 16 agnews-test records of category World, Business or Sci/Tech; 8 reuters-21578
records of text type NORM with a body of 200..1500 bytes; 12 tech-articles records with a
body of 800..4000 bytes, at most 2 per publisher (`source` field): the pool is shuffled and
taken in that order, a record skipped when its publisher already has 2. Sizes are len() of
the body string, as in pick_fresh2.py. A drawn record whose title and body are those of a
record in an earlier gold file (a copy under another id: two tech-articles pages here) is
dropped after the draw, so no held-out text is tuned on: 34 records. No BBC. Every record's split is 'people3'. Prints one
line per article: corpus, id, split, body bytes (with --text, the text the indexer gives the
extractor, title + "\\n\\n" + body, after each line, for annotation).
"""
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EARLIER = ("gold.json", "gold-fresh.json", "gold-fresh2.json", "gold-people.json",
           "gold-people2.json")
SPEECH = (" said", " says", " told")


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def speech(d):
    return any(w in d["body"] for w in SPEECH)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = args[0] if args else "/work/shared/corpora"
    taken = set()
    for name in EARLIER:
        with open(HERE / name, encoding="utf-8") as f:
            taken |= set(json.load(f)["docs"])
    # Two records gold-fresh2.json held when this batch was drawn (copies of gold.json
    # records, dropped from it since): still excluded, so the draw stays the same.
    taken |= {"techart-7309", "techart-7378"}
    rng = random.Random(3303)
    ag = [d for d in load(root + "/agnews-test/agnews_test.jsonl")
          if d.get("category") in ("World", "Business", "Sci/Tech") and d["id"] not in taken
          and speech(d)]
    rt = [d for d in load(root + "/reuters-21578/reuters21578.jsonl")
          if d.get("text_type") == "NORM" and 200 <= len(d["body"]) <= 1500
          and d["id"] not in taken and speech(d)]
    te = [d for d in load(root + "/tech-articles/tech_articles.jsonl")
          if 800 <= len(d["body"]) <= 4000 and d["id"] not in taken and speech(d)]
    picked = [("agnews-test", d) for d in rng.sample(ag, 16)]
    picked += [("reuters-21578", d) for d in rng.sample(rt, 8)]
    rng.shuffle(te)
    per_source = {}
    for d in te:
        if len(picked) == 36:
            break
        if per_source.get(d["source"], 0) < 2:
            per_source[d["source"]] = per_source.get(d["source"], 0) + 1
            picked.append(("tech-articles", d))
    # Copies of earlier gold records under another id: dropped (the draw is unchanged).
    earlier_ids = taken
    seen_text = set()
    for f, _ in (("agnews-test/agnews_test.jsonl", 0), ("reuters-21578/reuters21578.jsonl", 0),
                 ("tech-articles/tech_articles.jsonl", 0)):
        for d in load(root + "/" + f):
            if d["id"] in earlier_ids:
                seen_text.add((d["title"], d["body"]))
    picked = [(c, d) for c, d in picked if (d["title"], d["body"]) not in seen_text]
    for corpus, d in picked:
        print(corpus, d["id"], "people3", len(d["body"]))
        if "--text" in sys.argv:
            print(d["title"] + "\n\n" + d["body"])
            print("-----")


if __name__ == "__main__":
    main()
