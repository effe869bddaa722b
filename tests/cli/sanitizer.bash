# Sourced by the end-to-end scripts once $tmp exists. Under the sanitizers
# (NEWSDEX_SANITIZED=1, set by tests/CMakeLists.txt) their reports go to $tmp/sanitizer.<pid>
# instead of stderr, and sanitizer_reports, run from the script's EXIT trap, prints them
# and fails the test: a report from a command whose exit status no check looks at (an index
# run before the checks, a search inside $(...) or a pipeline, a leak found at exit after
# the output was complete) no longer goes unseen.
if [[ ${NEWSDEX_SANITIZED:-} = 1 ]]; then
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$tmp/sanitizer"
  export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$tmp/sanitizer"
fi
sanitizer_reports() {  # prints the reports; exit status 1 if there was one
  local f found=0
  for f in "$tmp"/sanitizer.*; do
    [[ -e $f ]] || continue
    echo "FAIL a sanitizer report ($(basename "$f")):"
    cat "$f"
    found=1
  done
  return $found
}
