#!/usr/bin/env bash
# Check a built bundle as a user runs it: offscreen, in a clean environment (no venv, no
# PYTHONPATH), with its data in a fresh temporary folder.
#
#   packaging/smoke_test.sh [PROGRAM]    # default: packaging/dist/liveplanner/liveplanner
#   SMOKE_TIMEOUT=300 packaging/smoke_test.sh   # seconds each run may take (default 120)
#
# It adds the demo show, opens the window on it and waits for "ready", checks the database, and
# runs the headless jobs that load what PyInstaller cannot see being imported: the migrations
# (read from disk by Alembic), pandas and openpyxl, pyqtgraph and Qt's PDF writer, the show
# file's JSON schema, the Chinese translation (through importlib.resources), the bundled time
# zone database, and the PostgreSQL driver. Exit status 0 when every check passed.
set -uo pipefail
cd "$(dirname "$0")/.."

app=$(realpath -m "${1:-packaging/dist/liveplanner/liveplanner}")
if [ ! -x "$app" ]; then
  echo "smoke_test.sh: no built program at $app (run packaging/build_linux.sh)" >&2
  exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/data" "$tmp/out"
failed=0
checks=0

# The program with nothing of this machine's Python around it.
bundle() {
  env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
    LIVEPLANNER_DATA_DIR="$tmp/data" "$@"
}

# check NAME EXPECTED_STATUS COMMAND...: run it, keep its output in $out and $err.
check() {
  local name=$1 expected=$2
  shift 2
  local started status
  started=$(date +%s.%N)
  bundle timeout "${SMOKE_TIMEOUT:-120}" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
  status=$?
  out=$(cat "$tmp/stdout")
  err=$(cat "$tmp/stderr")
  checks=$((checks + 1))
  local seconds
  seconds=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  if [ "$status" != "$expected" ]; then
    fail "$name: exit status $status, not $expected (${seconds} s)" "$out" "$err"
  elif grep -q "Traceback\|ModuleNotFoundError\|ImportError" "$tmp/stderr"; then
    fail "$name: a Python error on stderr (${seconds} s)" "$out" "$err"
  else
    echo "ok   $name (${seconds} s)"
    return 0
  fi
  return 1
}

# fail MESSAGE [STDOUT STDERR]: count a failure and show what the program printed.
fail() {
  failed=$((failed + 1))
  echo "FAIL $1"
  [ -n "${2:-}" ] && echo "$2" | head -20 | sed 's/^/     stdout| /'
  [ -n "${3:-}" ] && echo "$3" | tail -30 | sed 's/^/     stderr| /'
  return 0
}

# expect NAME TEXT HAYSTACK: one more check, on output already captured.
expect() {
  checks=$((checks + 1))
  if grep -qF -- "$2" <<<"$3"; then
    echo "ok   $1"
  else
    fail "$1: no “$2” in it" "$(head -c 2000 <<<"$3")"
  fi
}

check "--version" 0 "$app" --version && expect "the version is printed" "liveplanner " "$out"

# The first open creates the database: Alembic runs the migrations from the bundle's files.
if check "demo (the database created, migrated)" 0 "$app" demo --json; then
  show=$(sed -n 's/.*"show_id": *\([0-9]*\).*/\1/p' <<<"$out")
  expect "demo printed its show id" '"show_id"' "$out"
fi
show=${show:-1}

check "the window opens on the demo show" 0 "$app" --open "$show" --exit-when ready &&
  expect "the window said it was ready" "liveplanner window ready: 1 shows" "$out"

check "db check" 0 "$app" db check

# Without the system's zone files, as on Windows: zoneinfo must find the bundled tzdata.
check "show (time zones from the bundled tzdata)" 0 \
  env PYTHONTZPATH= "$app" show "$show" --json &&
  expect "the show starts at its time in Asia/Shanghai" '"planned_start": "2026-11-11T19:30:00' "$out"

check "check (the limit rules)" 0 "$app" check "$show" --json

check "review (pandas)" 0 "$app" review "$show" --json && expect "review figures" '"segments"' "$out"

check "review report as PDF (pyqtgraph, Qt's PDF writer)" 0 \
  "$app" review "$show" --out "$tmp/out/review.pdf"
expect "the PDF is a PDF" "%PDF" "$(head -c 4 "$tmp/out/review.pdf" 2>/dev/null)"

# Chinese, as chosen in the settings: the .qm file found through importlib.resources.
printf '{"language": "zh_CN", "version": 2}' >"$tmp/data/settings.json"
check "review report as HTML, in Chinese" 0 "$app" review "$show" --out "$tmp/out/review.html"
html=$(cat "$tmp/out/review.html" 2>/dev/null)
expect "the report's headings are translated" "按商品" "$html"
expect "the report has the chart" "data:image/png;base64," "$html"
rm "$tmp/data/settings.json"

check "export-script .xlsx (openpyxl)" 0 "$app" export-script "$show" --out "$tmp/out/run.xlsx"
check "import-script .xlsx, dry run" 0 "$app" import-script "$tmp/out/run.xlsx" --dry-run --json &&
  expect "the run sheet was read back" '"segments"' "$out"

check "export-script .json (show file)" 0 "$app" export-script "$show" --out "$tmp/out/show.json"
check "import-script .json (checked against the bundled schema)" 0 \
  "$app" import-script "$tmp/out/show.json" --json &&
  expect "the show file became a new show" '"show_id": 2' "$out"

check "db backup" 0 "$app" db backup

# The PostgreSQL driver (psycopg with its own libpq) is in: a refused connection is libpq's.
check "PostgreSQL driver loads (no server on port 1)" 2 \
  "$app" --database postgresql://nobody@127.0.0.1:1/none db check &&
  expect "libpq tried to connect" "connection failed" "$err"

check "a bad command is refused with a message" 2 "$app" no-such-command

echo "$((checks - failed)) passed, $failed failed"
[ "$failed" = 0 ]
