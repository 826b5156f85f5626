"""The show file format's name, version and limits; what it holds is core.show_record's
ShowBundle, which the reader and the writer both work on."""

from typing import Any

FORMAT = "liveplanner.show"
SCHEMA_VERSION = 1  # the version this liveplanner writes, and the newest it reads
# A show's file is a few MB at most (a day of 15 metrics each minute is 1.6 MB): 20 MB is far
# past any show and still reads in seconds. Nothing in a show file nests deeper than 5 levels
# (segments[2].cues[0].cue); past MAX_NESTING the file is refused before the schema is walked,
# which would exhaust Python's stack on a file nested thousands deep.
MAX_BYTES = 20 * 2**20
MAX_NESTING = 8

Document = dict[str, Any]
