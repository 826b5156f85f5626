"""One show as a JSON file (docs/showfile.md), validated against schema.json."""
