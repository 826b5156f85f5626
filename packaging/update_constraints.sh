#!/usr/bin/env bash
# Write packaging/constraints.txt: the exact version of every package the bundle is built from,
# resolved afresh from pyproject.toml (liveplanner[package,postgres]) in a throwaway venv.
# build_linux.sh installs through it, so a release can be rebuilt exactly; run this on purpose
# (to take newer libraries) and commit the file with the release.
#
#   PYTHON=python3.11 bash packaging/update_constraints.sh
set -euo pipefail
cd "$(dirname "$0")/.."
venv=$(mktemp -d)
trap 'rm -rf "$venv"' EXIT
"${PYTHON:-python3}" -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q ".[package,postgres]"
{
  echo "# The bundle's exact build inputs, written by packaging/update_constraints.sh with"
  echo "# $("$venv/bin/python" --version) on $(uname -s) $(uname -m); build_linux.sh installs through it."
  echo "# Packages only another system needs (pywin32-ctypes, macholib ...) are not pinned here."
  "$venv/bin/python" -m pip freeze --exclude liveplanner
} >packaging/constraints.txt
echo "wrote packaging/constraints.txt ($(grep -cv '^#' packaging/constraints.txt) packages)"
