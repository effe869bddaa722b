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
from picking import draw

EARLIER = ("gold.json", "gold-fresh.json", "gold-fresh2.json", "gold-people.json",
           "gold-people2.json")
SPEECH = (" said", " says", " told")

if __name__ == "__main__":
    # Two records gold-fresh2.json held when this batch was drawn (copies of gold.json
    # records, dropped from it since): still excluded, so the draw stays the same.
    draw("people3", 3303, 16, 8, 12, EARLIER, extra_taken=("techart-7309", "techart-7378"),
         tech_max=4000, keep=lambda d: any(w in d["body"] for w in SPEECH))
