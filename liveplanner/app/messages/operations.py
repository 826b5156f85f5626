"""Why an operation of the application (app/) refused: a file it could not read or write, a time
zone or a lag out of range, a password it cannot keep. Worded here for both front-ends."""

from liveplanner.app.translations import QT_TRANSLATE_NOOP

TEXTS = {
    "cannot_read": QT_TRANSLATE_NOOP("Messages", "cannot read {path}: {reason}"),
    "cannot_write": QT_TRANSLATE_NOOP("Messages", "cannot write {path}: {reason}"),
    "unknown_zone": QT_TRANSLATE_NOOP(
        "Messages", "unknown time zone {zone!r}; expected a name like Asia/Shanghai"
    ),
    "lag_out_of_range": QT_TRANSLATE_NOOP(
        "Messages", "the lag must be 0 to {max} minutes, not {lag}"
    ),
    "credentials.not_a_url": QT_TRANSLATE_NOOP("Messages", "not a database URL: {text}"),
    "credentials.no_user": QT_TRANSLATE_NOOP(
        "Messages", "a password is kept for a user: the URL needs a user name"
    ),
    "credentials.no_keyring": QT_TRANSLATE_NOOP(
        "Messages",
        "the system keyring is not available{detail}, so the password cannot be kept there: "
        "give it in LIVEPLANNER_DATABASE_URL (postgresql://USER:PASSWORD@HOST/DATABASE) or in "
        "~/.pgpass, or install a keyring (a Secret Service such as GNOME Keyring or KWallet on "
        "Linux)",
    ),
    "restore.no_backup": QT_TRANSLATE_NOOP("Messages", "{path}: there is no such backup file"),
    "restore.held": QT_TRANSLATE_NOOP(
        "Messages",
        "another liveplanner has {path} open: close it first, then restore; nothing was changed",
    ),
    "restore.held_by": QT_TRANSLATE_NOOP(
        "Messages",
        "another liveplanner (process {pid} on {host}) has {path} open: close it first, then "
        "restore; nothing was changed",
    ),
    "metrics.map_no_column": QT_TRANSLATE_NOOP(
        "Messages", "{file} has no column {header!r}; its columns: {columns}"
    ),
    "metrics.map_time_column": QT_TRANSLATE_NOOP(
        "Messages", "{file}: {header!r} is the column of times; it cannot be read as a metric"
    ),
    "metrics.map_no_metric": QT_TRANSLATE_NOOP(
        "Messages",
        "{metric!r} is not a metric liveplanner knows; expected one of: {known} (a running "
        "total as NAME:cumulative)",
    ),
    "editing.segment_gone": QT_TRANSLATE_NOOP("Messages", "that segment was deleted meanwhile"),
    "editing.row_gone": QT_TRANSLATE_NOOP("Messages", "that row was deleted meanwhile"),
}
