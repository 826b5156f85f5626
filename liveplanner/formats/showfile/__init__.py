"""One show as a JSON file, to hand to someone without a shared database (docs/showfile.md).

The file holds everything stored about the show: the plan, every run with every event, the
minute metrics with their source, and the review notes. Its references are its own integer ids,
numbered in the file's order, never database ids, so a show exported, imported elsewhere and
exported again gives the same document. Instants are written in the show's time zone with
their offset. schema.json (JSON Schema 2020-12) is the contract for each version.

What a file holds is core.show_record's ShowBundle; spec.py names the format, its version and
limits; writer.py writes one, reader.py reads one back (parsing.py the JSON text, validation.py
the schema check and its refusals).
"""
