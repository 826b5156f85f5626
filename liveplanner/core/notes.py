"""A lead's review notes: what worked, what went wrong, what to do next time and who does it."""

from dataclasses import dataclass
from datetime import datetime

from liveplanner.core.enums import NoteCategory

MAX_OWNER = 100  # characters


@dataclass(frozen=True, slots=True)
class ReviewNote:
    """A note on a segment, on a minute of the show (aware UTC), on both, or on the whole show."""

    id: int
    show_id: int
    category: NoteCategory
    text: str
    owner: str = ""  # who acts on it (for an action)
    segment_id: int | None = None
    minute: datetime | None = None
    version: int = 1
