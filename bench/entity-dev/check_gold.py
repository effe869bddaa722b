#!/usr/bin/env python3
"""Checks bench/entity-dev/gold.json (or gold-fresh.json) against the corpora (the guidelines' checks).

    python3 bench/entity-dev/check_gold.py [GOLD] [CORPORA_DIR]

- every article of the picker is in the gold set, with the split the picker gives it
  (pick_fresh.py for a gold file whose documents are all of split 'fresh', pick_people2.py
  for split 'people2', pick_fresh2.py for split 'fresh2',
  pick_people3.py for split 'people3', pick_fresh3.py for split 'fresh3', pick_fresh4.py and
  pick_fresh5.py for splits 'fresh4' and 'fresh5', else pick_articles.py and pick_tech4.py);
- every surface form is a substring of the article (title + "\\n\\n" + body);
- every money key is recomputed from its first surface form;
- a sweep lists currency words/symbols and percent signs/words whose span no surface form
  covers, for the annotator to look at (printed, not an error).
Exit 1 if a check fails.
"""
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "seventeen": 17}
SCALE = {"mln": 1e6, "million": 1e6, "billion": 1e9, "b": 1e9, "bn": 1e9, "m": 1e6,
         "thousand": 1e3}


def money_value(surface):
    s = surface.lower().replace("\n", " ").replace(",", "")
    # A range's first end takes the second's scale: "45-50 mln dlr" -> 45 mln.
    m = re.search(r"(\d+(?:\.\d+)?|" + "|".join(WORDS) + r")(?:\s*(?:-|to)\s*\d+(?:\.\d+)?)?"
                  r"\s*(mln|million|billion|bn|b|m|thousand)?\b", s)
    if not m:
        return None
    v = float(m.group(1)) if m.group(1)[0].isdigit() else float(WORDS[m.group(1)])
    if m.group(2):
        v *= SCALE[m.group(2)]
    if re.search(r"\bcts?\b|\bcents?\b", s):
        v /= 100
    return v


def fmt(v):
    return str(int(round(v))) if abs(v - round(v)) < 1e-6 * max(1.0, abs(v)) else ("%.6f" % v).rstrip("0").rstrip(".")


# A gold file whose records all have one of these splits was drawn by pick_<split>.py.
PICKED_SPLITS = ("fresh", "people2", "fresh2", "people3", "fresh3", "fresh4", "fresh5", "fresh6",
                 "fresh7")


def main():
    gold_path = sys.argv[1] if len(sys.argv) > 1 else str(HERE / "gold.json")
    root = sys.argv[2] if len(sys.argv) > 2 else "/work/shared/corpora"
    gold = json.load(open(gold_path, encoding="utf-8"))["docs"]
    splits = {g["split"] for g in gold.values()}
    single = next(iter(splits)) if len(splits) == 1 else None
    pickers = ["pick_%s.py" % single] if single in PICKED_SPLITS else ["pick_articles.py",
                                                                       "pick_tech4.py"]
    people2 = single == "people2"
    sel = []
    for picker in pickers:
        sel += subprocess.run([sys.executable, str(HERE / picker), root], check=True,
                              capture_output=True, text=True).stdout.split("\n")
    files = {"agnews-test": "agnews-test/agnews_test.jsonl",
             "reuters-21578": "reuters-21578/reuters21578.jsonl",
             "tech-articles": "tech-articles/tech_articles.jsonl"}
    want = {}
    for line in sel:
        if line:
            corpus, doc_id, split = line.split()[:3]
            # pick_people2.py prints the body's size, not a split: its split is "people2".
            want[doc_id] = (corpus, "people2" if people2 else split)
    texts = {}
    for corpus, rel in files.items():
        with open(Path(root) / rel, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                if d["id"] in want:
                    texts[d["id"]] = d["title"] + "\n\n" + d["body"]
    errors = 0
    for doc_id, (corpus, split) in want.items():
        g = gold.get(doc_id)
        if g is None or g["corpus"] != corpus or g["split"] != split:
            print("MISSING or wrong corpus/split:", doc_id)
            errors += 1
    counts = {}
    for doc_id, g in gold.items():
        text = texts[doc_id]
        covered = []
        for kind in ("company", "person", "money", "percent"):
            for key, surfaces in g.get(kind, {}).items():
                counts[kind] = counts.get(kind, 0) + 1
                for s in surfaces:
                    at = text.find(s)
                    if at < 0:
                        print("%s %s %s: surface %r not in the text" % (doc_id, kind, key, s))
                        errors += 1
                    while at >= 0:
                        covered.append((at, at + len(s)))
                        at = text.find(s, at + 1)
                if kind == "money":
                    v = money_value(surfaces[0])
                    if v is None or key.split(":")[1] != fmt(v):
                        print("%s money %s: %r gives %s" % (doc_id, key, surfaces[0], v))
                        errors += 1
        for s in g.get("skipped_vague", []):
            at = text.find(s)
            if at >= 0:
                covered.append((at, at + len(s)))
        for m in re.finditer(r"[$£€¥%]|\b(?:dlrs?|dollars?|cts|cents|pounds|francs|yen|marks|"
                             r"pct|percent|per\s+cent)\b", text, re.I):
            if not any(b <= m.start() < e for b, e in covered):
                ctx = text[max(0, m.start() - 30):m.end() + 10].replace("\n", " ")
                print("look %s: ...%s..." % (doc_id, ctx))
    print("%d docs, %s, %d errors" % (len(gold), counts, errors))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
