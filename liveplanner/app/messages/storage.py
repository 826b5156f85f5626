"""Why the database refused a change (storage/*.py). The English is what storage's errors say in
the log, so an English window reads as it did; the translations say the same."""

from liveplanner.app.translations import QT_TRANSLATE_NOOP

TEXTS = {
    "storage.stale": QT_TRANSLATE_NOOP(
        "Messages",
        "the {entity} was changed by someone else (version {current}, you edited version "
        "{expected}); reload it and make your change again",
    ),
    "storage.script_locked": QT_TRANSLATE_NOOP(
        "Messages",
        "the script of “{title}” is locked (the show is {status}): unlock it on purpose to "
        "change it",
    ),
    "storage.too_long": QT_TRANSLATE_NOOP(
        "Messages", "{field} is {length} characters long; at most {most} fit"
    ),
    "storage.too_large": QT_TRANSLATE_NOOP("Messages", "{field} {value} is too large"),
    "storage.negative": QT_TRANSLATE_NOOP("Messages", "{field} cannot be negative (got {value})"),
    "storage.negative_duration": QT_TRANSLATE_NOOP(
        "Messages", "a segment's duration cannot be negative"
    ),
    "storage.already_on_team": QT_TRANSLATE_NOOP(
        "Messages", "{person} is already on the team as {role}"
    ),
    "storage.person_needs_name": QT_TRANSLATE_NOOP("Messages", "a person needs a name"),
    "storage.title_length": QT_TRANSLATE_NOOP(
        "Messages", "a show's title needs 1 to {most} characters"
    ),
    "storage.note_empty": QT_TRANSLATE_NOOP("Messages", "a note needs some text"),
    "storage.owner_too_long": QT_TRANSLATE_NOOP(
        "Messages", "an owner's name has at most {most} characters"
    ),
    "storage.note_minute_zone": QT_TRANSLATE_NOOP(
        "Messages", "a note's minute must carry its time zone"
    ),
    "storage.note_field": QT_TRANSLATE_NOOP("Messages", "a note has no field “{field}”"),
    "storage.segment_not_in_show": QT_TRANSLATE_NOOP(
        "Messages", "segment {segment_id} is not in show {show_id}"
    ),
    "storage.no_show": QT_TRANSLATE_NOOP("Messages", "there is no show {id}"),
    "storage.no_segment": QT_TRANSLATE_NOOP("Messages", "there is no segment {id}"),
    "storage.no_part": QT_TRANSLATE_NOOP("Messages", "there is no {entity} {id}"),
    "storage.no_note": QT_TRANSLATE_NOOP("Messages", "there is no note {id}"),
    "storage.no_run": QT_TRANSLATE_NOOP("Messages", "there is no run {id}"),
    "storage.run_ended": QT_TRANSLATE_NOOP(
        "Messages", "run {id} has ended; it takes no more events"
    ),
    "storage.segments_changed": QT_TRANSLATE_NOOP(
        "Messages",
        "the show's segments changed meanwhile (added or removed elsewhere); reload",
    ),
    "storage.segments_gone": QT_TRANSLATE_NOOP("Messages", "those segments no longer exist"),
    "storage.metrics_raced": QT_TRANSLATE_NOOP(
        "Messages",
        "someone else imported metrics for show {show_id} at the same time; nothing was "
        "stored: run it again",
    ),
}
