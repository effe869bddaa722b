#!/usr/bin/env python3
"""Picks the seventh held-out batch of the entity dev gold set (bench/entity-dev/gold-fresh7.json).

    python3 bench/entity-dev/pick_fresh7.py [CORPORA_DIR] [--text]   (default /work/shared/corpora)

picking.draw() with random.Random(9191), from records in none of the gold files in EARLIER
(their ids only; gold-fresh4.json to gold-fresh6.json included): the pools, sizes and per-publisher cap of
pick_fresh3.py (20 agnews-test, 10 reuters-21578, 12 tech-articles records; a drawn copy of an
earlier gold record is dropped). Every record's split is 'fresh7'. Prints one line per article
(corpus, id, split, body bytes), with --text the article's text after each line (picking.py).
"""
from picking import draw

EARLIER = ("gold.json", "gold-fresh.json", "gold-fresh2.json", "gold-people.json",
           "gold-people2.json", "gold-people3.json", "gold-fresh3.json",
           "gold-fresh4.json", "gold-fresh5.json", "gold-fresh6.json")

if __name__ == "__main__":
    draw("fresh7", 9191, 20, 10, 12, EARLIER)
