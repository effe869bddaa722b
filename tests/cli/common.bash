# Sourced by the end-to-end scripts (`source "$(dirname "$0")/common.bash" "$@"`): the binary
# and the source tree from the arguments (bin, src), a temporary directory removed on exit
# (tmp), sanitizer reports failing the test (sanitizer.bash), and `check NAME COMMAND...`,
# which counts a failing command in fails.
set -uo pipefail
bin=$1 src=$2
tmp=$(mktemp -d)
source "$(dirname "${BASH_SOURCE[0]}")/sanitizer.bash"
trap 'rc=$?; sanitizer_reports || rc=1; rm -rf "$tmp"; exit $rc' EXIT
fails=0
check() {  # check NAME COMMAND... : the command must succeed
  local name=$1; shift
  if "$@"; then echo "ok   $name"; else echo "FAIL $name"; fails=$((fails + 1)); fi
}
