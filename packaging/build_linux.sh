#!/usr/bin/env bash
# Build the Linux bundle: packaging/dist/liveplanner/ (run packaging/dist/liveplanner/liveplanner).
#
#   packaging/build_linux.sh            # build venv in packaging/build/venv, made once and reused
#   packaging/build_linux.sh --fresh    # throw the build venv away and make it anew first
#   PYTHON=python3.12 packaging/build_linux.sh --fresh   # the Python the bundle is built with
#   BUILD_VENV=.venv packaging/build_linux.sh            # build in an existing venv instead
#
# The build venv gets liveplanner from this checkout (not editable) each time, with the `package`
# extra (PyInstaller, Pillow) and `postgres` (the team server's driver), every package at the
# version packaging/constraints.txt names (packaging/update_constraints.sh writes it), so a
# release can be rebuilt exactly. An existing venv (BUILD_VENV) is used as it is, liveplanner and all,
# with PyInstaller and Pillow added if missing. Then packaging/smoke_test.sh checks the result.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

fresh=0
for arg in "$@"; do
  case "$arg" in
    --fresh) fresh=1 ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "build_linux.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

work=$repo/packaging/build/pyinstaller
dist=$repo/packaging/dist
started=$(date +%s)

if [ -n "${BUILD_VENV:-}" ]; then
  venv=$(cd "$BUILD_VENV" && pwd)
  echo "== using $venv as it is"
  "$venv/bin/python" -I -c "import liveplanner" # installed there (-I: not the checkout), or fail
  "$venv/bin/python" -m pip install -q "pyinstaller>=6.10" "pillow>=10"
else
  venv=$repo/packaging/build/venv
  [ "$fresh" = 1 ] && rm -rf "$venv"
  if [ ! -x "$venv/bin/python" ]; then
    echo "== new build venv: $venv"
    "${PYTHON:-python3}" -m venv "$venv"
    "$venv/bin/python" -m pip install -q --upgrade pip
  fi
  # Installed from a copy of the checkout's files as they are now: building in the checkout
  # would leave build/ there, whose stale copies of deleted modules setuptools would ship.
  stage=$(mktemp -d)
  trap 'rm -rf "$stage"' EXIT
  cp -r pyproject.toml README.md liveplanner "$stage/"
  find "$stage" -name __pycache__ -prune -exec rm -rf {} +
  echo "== installing liveplanner[package,postgres] into $venv"
  "$venv/bin/python" -m pip install -q -c packaging/constraints.txt "$stage[package,postgres]"
  # The code as it is now, even when the version number has not changed.
  "$venv/bin/python" -m pip install -q --no-deps --force-reinstall "$stage"
fi

echo "== PyInstaller"
rm -rf "$dist/liveplanner"
mkdir -p "$work"
# -I (isolated): `liveplanner` is imported from the venv, never from the current folder.
(cd "$work" && "$venv/bin/python" -I -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work" "$repo/packaging/liveplanner-linux.spec")

bundle="$dist/liveplanner"
[ -x "$bundle/liveplanner" ] || { echo "build_linux.sh: no program in $bundle" >&2; exit 1; }

# Debug info only (a Python built from source has 23 MB of it in libpython): PyInstaller's own
# strip=True strips everything, which breaks libraries that wheels ship patched (numpy's OpenBLAS).
if command -v strip >/dev/null && command -v readelf >/dev/null; then
  before=$(du -sm "$bundle" | cut -f1)
  while IFS= read -r -d '' file; do
    if readelf -S "$file" 2>/dev/null | grep -q '\.debug_info'; then
      strip --strip-debug "$file"
    fi
  done < <(find "$bundle" -type f \( -name '*.so' -o -name '*.so.*' \) -print0)
  echo "== debug info stripped: $((before - $(du -sm "$bundle" | cut -f1))) MB"
fi
seconds=$(($(date +%s) - started))
echo "== built $bundle/liveplanner"
echo "   size: $(du -sh "$bundle" | cut -f1) in $(find "$bundle" -type f | wc -l) files" \
  "($(tar -C "$dist" -czf - liveplanner | wc -c | awk '{printf "%.0f MB", $1/1e6}') as .tar.gz)"
echo "   time: ${seconds} s"
echo "   check it: packaging/smoke_test.sh"
