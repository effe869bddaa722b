#!/usr/bin/env bash
# Facet counts against filter totals on the real corpora: indexes BBC News and tech-articles
# (or uses the databases given), then runs facet_filter_check on each: for the whole database
# and a few queries, the top 20 keys of every kind (company, person incl. surname keys,
# product, money, percent, date), each against the total of the query with that key's
# filter. Prints every mismatch and one summary line per corpus; exits 1 if any mismatched.
#
# Corpora (local use only; provenance in each folder's README.txt):
#   ../shared/corpora/bbc-news/bbc_news.jsonl: the BBC News data set (Greene & Cunningham,
#     ICML 2006; mlg.ucd.ie/datasets/bbc.html), 2,225 articles of 2004-2005;
#   ../shared/corpora/tech-articles/tech_articles.jsonl: an AI/tech news web crawl
#     (siavava "functional-scraper", 2023), 16,442 articles from 17 publishers.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: bench/facet_filter_check.sh [--build DIR] [--bbc-db DB] [--tech-db DB] [--top N] [--keep]
  --build DIR    CMake build dir (default <repo>/build): DIR/cli/newsdex, DIR/bench/facet_filter_check
  --bbc-db DB    an index of the BBC corpus to check instead of indexing it
  --tech-db DB   an index of the tech corpus to check instead of indexing it
  --top N        keys per kind (default 20)
  --keep         keep the temporary directory (indexes) and print its path
EOF
}

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$script_dir/.." && pwd)
corpora="$repo/../shared/corpora"
build="$repo/build"
bbc_db=""
tech_db=""
top=20
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --bbc-db) bbc_db=$2; shift 2 ;;
    --tech-db) tech_db=$2; shift 2 ;;
    --top) top=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
newsdex="$build/cli/newsdex"
check="$build/bench/facet_filter_check"
for b in "$newsdex" "$check"; do
  [ -x "$b" ] || { echo "facet_filter_check: $b not built" >&2; exit 2; }
done
tmp=$(mktemp -d /tmp/facet_filter_check.XXXXXX)
if [ "$keep" = 1 ]; then echo "facet_filter_check: keeping $tmp" >&2; else trap 'rm -rf "$tmp"' EXIT; fi

index() {  # corpus file, db → prints the db path
  local file=$1 db=$2
  [ -f "$file" ] || { echo "facet_filter_check: $file missing" >&2; return 1; }
  echo "facet_filter_check: indexing $file" >&2
  "$newsdex" -q index --db "$db" "$file" >&2
  echo "$db"
}

[ -n "$bbc_db" ] || bbc_db=$(index "$corpora/bbc-news/bbc_news.jsonl" "$tmp/bbc.db")
[ -n "$tech_db" ] || tech_db=$(index "$corpora/tech-articles/tech_articles.jsonl" "$tmp/tech.db")

status=0
echo "## BBC News ($bbc_db)"
"$check" --db "$bbc_db" --gazetteer "$repo/corpus/gazetteer" --top "$top" \
  --query government --query election --query music --query "mobile phone" || status=1
echo "## tech-articles ($tech_db)"
"$check" --db "$tech_db" --gazetteer "$repo/corpus/gazetteer" --top "$top" \
  --query ai --query openai --query election --query "chips nvidia" --query climate || status=1
echo "## both as one"
"$check" --db "$bbc_db" --db "$tech_db" --gazetteer "$repo/corpus/gazetteer" --top "$top" \
  --query election --query microsoft || status=1
exit $status
