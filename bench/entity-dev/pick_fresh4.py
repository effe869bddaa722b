#!/usr/bin/env python3
"""Picks the fourth held-out batch of the entity dev gold set (bench/entity-dev/gold-fresh4.json).

    python3 bench/entity-dev/pick_fresh4.py [CORPORA_DIR] [--text]   (default /work/shared/corpora)

Drawn with random.Random(5151) from records in none of the earlier gold files (the ids of
gold.json, gold-fresh.json, gold-fresh2.json, gold-people.json, gold-people2.json,
gold-people3.json and gold-fresh3.json, read from this folder; only their ids are read), in
this order: 20 agnews-test records of category Business, Sci/Tech or World; 10 reuters-21578 records of
text type NORM with a body of 200..1500 bytes; 12 tech-articles records with a body of
800..3500 bytes, at most 2 per publisher (`source` field): the pool is shuffled and taken in
that order, a record skipped when its publisher already has 2. Sizes are len() of the body
string, as in pick_fresh.py and pick_fresh2.py. A drawn record whose title and body are
those of a record in an earlier gold file (a copy under another id) is dropped after the
draw, so no text that rules were tuned on is scored as held out. No BBC.
Every record's split is 'fresh4'. Prints one line per article: corpus, id, split, body bytes
(with --text, the text the indexer gives the extractor, title + "\\n\\n" + body, after each
line, for annotation).
"""
from picking import draw

EARLIER = ("gold.json", "gold-fresh.json", "gold-fresh2.json", "gold-people.json",
           "gold-people2.json", "gold-people3.json", "gold-fresh3.json")

if __name__ == "__main__":
    draw("fresh4", 5151, 20, 10, 12, EARLIER)
