"""Why the live desk did not take a tick, a counter or a typed figure from a screen. Worded
here for the window, the command line and the pages on the studio network."""

from liveplanner.app.translations import QT_TRANSLATE_NOOP

TEXTS = {
    "desk.not_yours": QT_TRANSLATE_NOOP("Messages", "this screen does not tick “{item}”"),
    "desk.not_counting": QT_TRANSLATE_NOOP(
        "Messages", "only floor control and ops set the counters"
    ),
    "desk.no_item": QT_TRANSLATE_NOOP("Messages", "the show has no “{item}”"),
    "desk.bad_units": QT_TRANSLATE_NOOP(
        "Messages", "units must be a whole number from 0 to {most}, not “{value}”"
    ),
    "desk.no_run": QT_TRANSLATE_NOOP("Messages", "no run is open: start the run first"),
    "desk.nothing_typed": QT_TRANSLATE_NOOP(
        "Messages", "nothing to send: type online viewers now or GMV so far (yuan) first"
    ),
}
