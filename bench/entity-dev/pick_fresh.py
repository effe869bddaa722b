#!/usr/bin/env python3
"""Picks the fifth, held-out batch of the entity dev gold set (bench/entity-dev/gold-fresh.json).

    python3 bench/entity-dev/pick_fresh.py [CORPORA_DIR]   (default /work/shared/corpora)

Drawn with random.Random(5151) from records that are not in gold.json (any batch):
25 agnews-test records of category Business, Sci/Tech or World; 15 reuters-21578 records of
text type NORM with a body of 200..1500 bytes; 10 tech-articles records with a body of
800..3500 bytes, one from each publisher the earlier batches did not draw from (gold.json's
15 tech-articles records are VentureBeat 12, The Verge, OpenAI and The Guardian; the pool has
ten other publishers: one record of each, publishers in name order). No BBC.
Every record's split is 'fresh'. Prints one line per article: corpus, id, split, body bytes.
"""
import json
import random
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DRAWN_BEFORE = ("VentureBeat", "The Verge", "OpenAI", "The Guardian")


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpora"
    taken = set(json.load(open(HERE / "gold.json", encoding="utf-8"))["docs"])
    # gold.json as it was when this batch was drawn: the sixth batch (pick_tech4.py) was
    # added to it later, from records this batch had left.
    tech4 = subprocess.run([sys.executable, str(HERE / "pick_tech4.py"), root],
                           capture_output=True, text=True, check=True).stdout.split("\n")
    taken -= {line.split()[1] for line in tech4 if line}
    rng = random.Random(5151)
    ag = [d for d in load(root + "/agnews-test/agnews_test.jsonl")
          if d.get("category") in ("Business", "Sci/Tech", "World") and d["id"] not in taken]
    rt = [d for d in load(root + "/reuters-21578/reuters21578.jsonl")
          if d.get("text_type") == "NORM" and 200 <= len(d["body"]) <= 1500
          and d["id"] not in taken]
    te = [d for d in load(root + "/tech-articles/tech_articles.jsonl")
          if 800 <= len(d["body"]) <= 3500 and d["id"] not in taken
          and d["source"] not in DRAWN_BEFORE]
    picked = [("agnews-test", d) for d in rng.sample(ag, 25)]
    picked += [("reuters-21578", d) for d in rng.sample(rt, 15)]
    for source in sorted({d["source"] for d in te}):
        picked.append(("tech-articles", rng.choice([d for d in te if d["source"] == source])))
    for corpus, d in picked:
        print(corpus, d["id"], "fresh", len(d["body"]))


if __name__ == "__main__":
    main()
