#!/usr/bin/env python3
"""Story-level qrels and runs for the graded dev set (README.md, "Collapsed"): every
document replaced by its story (the key newsdex stored in value slot 7: copies and
near-copies of one article share it), so that a story counts once whether a system returned
one copy of it or ten.

    by_story.py STORIES.tsv... --qrels QRELS --out DIR RUN...

STORIES.tsv: `docid <TAB> story` for every document of a corpus; made from a newsdex index
with bench/index_dump (the `Q` id term and `value 7` of each document):
    index_dump DB | grep -E '^doc |^ term 51|^ value 7 ' | by_story.py --map > STORIES.tsv
Writes DIR/qrels.tsv (per query and story, the highest grade of its judged documents) and
DIR/<run file name> (each run's documents as stories, a story's later copies left out, ranks
renumbered). Score them with score.py as usual. Python 3 stdlib only.
"""
import argparse
import os
import sys


def dump_to_map():
    ident = key = None

    def flush():
        if ident:
            print(f"{ident}\t{key or 'doc:' + ident}")

    for line in sys.stdin:
        if line.startswith("doc "):
            flush()
            ident = key = None
        elif line.startswith(" term 51"):  # 'Q' + the id
            ident = bytes.fromhex(line.split()[1])[1:].decode()
        elif line.startswith(" value 7 "):
            key = line.split()[2]
    flush()


def main():
    if sys.argv[1:] == ["--map"]:
        return dump_to_map()
    ap = argparse.ArgumentParser()
    ap.add_argument("stories", nargs="+")
    ap.add_argument("--qrels", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--runs", nargs="+", required=True)
    a = ap.parse_args()
    story = {}
    for path in a.stories:
        with open(path, encoding="utf-8") as f:
            for line in f:
                doc, key = line.rstrip("\n").split("\t")
                story[doc] = key
    of = lambda doc: story.get(doc, "doc:" + doc)
    os.makedirs(a.out, exist_ok=True)
    grades = {}
    with open(a.qrels, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            qid, corpus, doc, grade = line.rstrip("\n").split("\t")
            k = (qid, corpus, of(doc))
            grades[k] = max(grades.get(k, 0), int(grade))
    with open(os.path.join(a.out, "qrels.tsv"), "w", encoding="utf-8") as f:
        for (qid, corpus, s), g in sorted(grades.items()):
            f.write(f"{qid}\t{corpus}\t{s}\t{g}\n")
    for path in a.runs:
        seen, rank = set(), {}
        with open(path, encoding="utf-8") as f, open(
            os.path.join(a.out, os.path.basename(path)), "w", encoding="utf-8"
        ) as out:
            for line in f:
                qid, q0, doc, _, score, name = line.split()
                s = of(doc)
                if (qid, s) in seen:
                    continue
                seen.add((qid, s))
                rank[qid] = rank.get(qid, 0) + 1
                out.write(f"{qid} {q0} {s} {rank[qid]} {score} {name}\n")


if __name__ == "__main__":
    main()
