#!/usr/bin/env bash
# Refresh the .ts sources from the code, fill what scripts/glossary.py knows, then compile them
# to the .qm files the app loads. Strings the glossary lacks are listed: add them there (or
# translate them in Qt Linguist, pyside6-linguist) and run this again.
set -euo pipefail
cd "$(dirname "$0")/.."
folder=liveplanner/resources/translations
for ts in "$folder"/*.ts; do
  # ui/ speaks through Qt; app/, cli/ and web/ mark their texts with QT_TRANSLATE_NOOP for the
  # command line and the pages, which read the .ts without Qt (app/translations.py).
  pyside6-lupdate -no-obsolete $(find liveplanner/ui liveplanner/app liveplanner/cli liveplanner/web -name "*.py" | sort) -ts "$ts"
  python scripts/glossary.py "$ts"
  pyside6-lrelease "$ts" -qm "${ts%.ts}.qm"
done
