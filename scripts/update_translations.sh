#!/usr/bin/env bash
# Refresh the .ts sources from the code, then compile them to the .qm files the app loads.
# Translate new strings in between with Qt Linguist (pyside6-linguist) or by editing the .ts.
set -euo pipefail
cd "$(dirname "$0")/.."
folder=liveplanner/resources/translations
for ts in "$folder"/*.ts; do
  pyside6-lupdate -no-obsolete $(find liveplanner/ui -name "*.py" | sort) -ts "$ts"
  pyside6-lrelease "$ts" -qm "${ts%.ts}.qm"
done
