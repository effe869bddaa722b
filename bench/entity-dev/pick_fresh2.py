#!/usr/bin/env python3
"""Picks the second held-out batch of the entity dev gold set (bench/entity-dev/gold-fresh2.json).

    python3 bench/entity-dev/pick_fresh2.py [CORPORA_DIR] [--text]   (default /work/shared/corpora)

Drawn with random.Random(1207) from records in none of the earlier gold files (the ids of
gold.json, gold-fresh.json, gold-people.json and gold-people2.json, read from this folder;
only their ids are read), in this order: 18 agnews-test records of category Business,
Sci/Tech or World; 12 reuters-21578 records of text type NORM with a body of 200..1500
bytes; 10 tech-articles records with a body of 800..3500 bytes, at most 2 per publisher
(`source` field): the pool is shuffled and taken in that order, a record skipped when its
publisher already has 2. Sizes are len() of the body string, as in pick_fresh.py. A drawn
record whose title and body are those of a record in an earlier gold file (a copy under
another id: two The Verge pages of gold.json here) is dropped after the draw, so no text
that rules were tuned on is scored as held out: 38 records. No BBC.
Every record's split is 'fresh2'. Prints one line per article: corpus, id, split, body bytes
(with --text, the text the indexer gives the extractor, title + "\\n\\n" + body, after each
line, for annotation).
"""
from picking import draw

EARLIER = ("gold.json", "gold-fresh.json", "gold-people.json", "gold-people2.json")

if __name__ == "__main__":
    draw("fresh2", 1207, 18, 12, 10, EARLIER)
