"""The draw shared by the newer pickers (pick_fresh2.py, pick_people3.py, pick_fresh3.py).

draw() reads the three corpora (JSONL under CORPORA_DIR, default /work/shared/corpora), leaves
out every record id of the earlier gold files (and extra ids), draws with random.Random(seed):
n_ag agnews-test records of category Business, Sci/Tech or World; n_rt reuters-21578 records
of text type NORM with a body of 200..1500 bytes; then tech-articles records with a body of
800..tech_max bytes from the shuffled pool, at most 2 per publisher, until n_ag + n_rt + n_te
records; `keep` filters every pool. A drawn record whose title and body are those of an
earlier gold record (a copy under another id) is dropped after the draw, so the draw is the
same with or without copies. Prints one line per article: corpus, id, split, body bytes (with
--text, the text the indexer gives the extractor, title + "\\n\\n" + body, after each line).
Sizes are len() of the body string.
"""
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = ("agnews-test/agnews_test.jsonl", "reuters-21578/reuters21578.jsonl",
           "tech-articles/tech_articles.jsonl")


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def draw(split, seed, n_ag, n_rt, n_te, earlier, extra_taken=(), tech_max=3500,
         keep=lambda d: True):
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = args[0] if args else "/work/shared/corpora"
    taken = set(extra_taken)
    for name in earlier:
        with open(HERE / name, encoding="utf-8") as f:
            taken |= set(json.load(f)["docs"])
    ag_all, rt_all, te_all = (load(root + "/" + c) for c in CORPORA)
    rng = random.Random(seed)
    ag = [d for d in ag_all
          if d.get("category") in ("Business", "Sci/Tech", "World") and d["id"] not in taken
          and keep(d)]
    rt = [d for d in rt_all
          if d.get("text_type") == "NORM" and 200 <= len(d["body"]) <= 1500
          and d["id"] not in taken and keep(d)]
    te = [d for d in te_all
          if 800 <= len(d["body"]) <= tech_max and d["id"] not in taken and keep(d)]
    picked = [("agnews-test", d) for d in rng.sample(ag, n_ag)]
    picked += [("reuters-21578", d) for d in rng.sample(rt, n_rt)]
    rng.shuffle(te)
    per_source = {}
    for d in te:
        if len(picked) == n_ag + n_rt + n_te:
            break
        if per_source.get(d["source"], 0) < 2:
            per_source[d["source"]] = per_source.get(d["source"], 0) + 1
            picked.append(("tech-articles", d))
    copies = {(d["title"], d["body"]) for pool in (ag_all, rt_all, te_all) for d in pool
              if d["id"] in taken}
    for corpus, d in picked:
        if (d["title"], d["body"]) in copies:
            continue
        print(corpus, d["id"], split, len(d["body"]))
        if "--text" in sys.argv:
            print(d["title"] + "\n\n" + d["body"])
            print("-----")
