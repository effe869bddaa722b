#!/usr/bin/env python3
"""Picks the sixth batch of the entity dev gold set (bench/entity-dev/gold.json): tech news
from publishers the earlier batches barely cover (issue 11, fourth round: tech companies).

    python3 bench/entity-dev/pick_tech4.py [CORPORA_DIR]   (default /work/shared/corpora)

Drawn with random.Random(4404) from tech-articles records with a body of 800..3500 bytes
that no earlier batch drew: neither pick_articles.py's records (the first four batches of
gold.json) nor gold-fresh.json's (only the ids, the keys of its "docs", are read from it): one record of each publisher (publishers in name order), then a
second record of publishers taken in a shuffled order, until 20 records (at most 2 per
publisher). Every record's split is 'tune'. Prints one line per article: corpus, id, split,
source, body bytes.
"""
import json
import random
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
N = 20


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpora"
    earlier = subprocess.run([sys.executable, str(HERE / "pick_articles.py"), root], check=True,
                             capture_output=True, text=True).stdout.split("\n")
    taken = {line.split()[1] for line in earlier if line}
    taken |= set(json.load(open(HERE / "gold-fresh.json", encoding="utf-8"))["docs"].keys())
    te = []
    with open(root + "/tech-articles/tech_articles.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if 800 <= len(d["body"]) <= 3500 and d["id"] not in taken:
                te.append(d)
    rng = random.Random(4404)
    by_source = {}
    for d in te:
        by_source.setdefault(d["source"], []).append(d)
    sources = sorted(by_source)
    picked = []
    for s in sources:
        picked.append(rng.choice(by_source[s]))
    seconds = [s for s in sources if len(by_source[s]) > 1]
    rng.shuffle(seconds)
    for s in seconds:
        if len(picked) >= N:
            break
        first = next(d for d in picked if d["source"] == s)
        picked.append(rng.choice([d for d in by_source[s] if d["id"] != first["id"]]))
    for d in picked[:N]:
        print("tech-articles", d["id"], "tune", d["source"].replace(" ", "_"), len(d["body"]))


if __name__ == "__main__":
    main()
