"""What the live feed says about a line it did not take, and the live alerts as the screens word
them. Worded here for the window, the command line and the pages on the studio network; each
reason names the line, the column or key, the value and what was expected."""

from liveplanner.app.translations import QT_TRANSLATE_NOOP

TEXTS = {
    "feed.not_json": QT_TRANSLATE_NOOP(
        "Messages",
        "line {line}: not a JSON object ({reason}); expected one object a line, with “{key}” "
        "and metric names as keys",
    ),
    "feed.no_minute": QT_TRANSLATE_NOOP(
        "Messages", "line {line}: no “{key}”; expected a time such as {example}"
    ),
    "feed.bad_minute": QT_TRANSLATE_NOOP(
        "Messages", "line {line}, {column}: “{value}” is not a time; expected such as {example}"
    ),
    "feed.minute_outside": QT_TRANSLATE_NOOP(
        "Messages",
        "line {line}, {column}: “{value}” is not during this run; expected a minute from "
        "{first} to {last}",
    ),
    "feed.unknown_key": QT_TRANSLATE_NOOP(
        "Messages",
        "line {line}: “{key}” is no metric liveplanner knows; expected “{minute}” and any of: "
        "{known}",
    ),
    "feed.not_a_number": QT_TRANSLATE_NOOP(
        "Messages",
        "line {line}, {column}: “{value}” is not a number; expected a count, or yuan for money",
    ),
    "feed.out_of_range": QT_TRANSLATE_NOOP(
        "Messages", "line {line}, {column}: “{value}” is past {limit}, more than any show’s minute"
    ),
    "feed.negative": QT_TRANSLATE_NOOP(
        "Messages", "line {line}, {column}: “{value}” is below zero; {metric} is never negative"
    ),
    "feed.no_figures": QT_TRANSLATE_NOOP(
        "Messages", "line {line}: no figure; expected at least one metric besides the time"
    ),
    "feed.total_falls": QT_TRANSLATE_NOOP(
        "Messages",
        "line {line}, {column}: {value} so far is less than the {counted} already counted "
        "before this minute",
    ),
    "feed.not_text": QT_TRANSLATE_NOOP(
        "Messages", "line {line}: not UTF-8 or GBK text (bytes {value}); expected a line of text"
    ),
    "feed.line_too_long": QT_TRANSLATE_NOOP(
        "Messages", "line {line}: longer than {most} characters; expected one minute’s figures"
    ),
    "feed.too_many_lines": QT_TRANSLATE_NOOP(
        "Messages",
        "{lines} lines from line {line} on: more than {most} lines at once; send them again",
    ),
    "feed.text_too_long": QT_TRANSLATE_NOOP(
        "Messages", "line {line}: what was sent is longer than {most} characters; the rest was cut"
    ),
    "feed.bad_row": QT_TRANSLATE_NOOP(
        "Messages", "line {line}: not a row of cells ({reason}); expected cells between commas"
    ),
    "feed.cells": QT_TRANSLATE_NOOP(
        "Messages", "line {line}: {count} cells; expected {expected}, as the header has"
    ),
    "feed.no_header": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, line {line}: no time column and no metric liveplanner knows ({columns}); "
        "expected a header such as {example}",
    ),
    "feed.two_columns": QT_TRANSLATE_NOOP(
        "Messages", "{file}, line {line}: columns “{first}” and “{second}” are both {metric}"
    ),
    "feed.file_unreadable": QT_TRANSLATE_NOOP("Messages", "{file} cannot be read: {reason}"),
    "feed.file_utf16": QT_TRANSLATE_NOOP(
        "Messages",
        "{file} is UTF-16, which a growing file cannot be read in line by line; expected UTF-8 "
        "or GBK",
    ),
    "feed.not_stored": QT_TRANSLATE_NOOP(
        "Messages",
        "{count} figures are not written to the database yet; they are kept and written with "
        "the next",
    ),
    "feed.no_run": QT_TRANSLATE_NOOP(
        "Messages", "{lines} lines not taken: no run is open; start the run first"
    ),
    "feed.typed_metric": QT_TRANSLATE_NOOP(
        "Messages",
        "“{metric}” cannot be typed in; expected online_viewers (now) or gmv (so far, in yuan)",
    ),
    # A figure floor control typed into its window's or page's field: named as the field is.
    "feed.typed.online.not_a_number": QT_TRANSLATE_NOOP(
        "Messages", "Online now: “{value}” is not a number; type the count watching, such as 2,400"
    ),
    "feed.typed.online.negative": QT_TRANSLATE_NOOP(
        "Messages", "Online now: “{value}” is below zero; type the count watching, 0 or more"
    ),
    "feed.typed.online.out_of_range": QT_TRANSLATE_NOOP(
        "Messages",
        "Online now: “{value}” is past {limit}, more than any show has watching; check the figure",
    ),
    "feed.typed.online.clock": QT_TRANSLATE_NOOP(
        "Messages",
        "Online now: not taken, this computer’s clock says {value}, outside this run ({first} "
        "to {last}); check the clock",
    ),
    "feed.typed.gmv.not_a_number": QT_TRANSLATE_NOOP(
        "Messages",
        "GMV so far: “{value}” is not a number; type the yuan taken so far, such as 56,000",
    ),
    "feed.typed.gmv.negative": QT_TRANSLATE_NOOP(
        "Messages", "GMV so far: “{value}” is below zero; type the yuan taken so far, 0 or more"
    ),
    "feed.typed.gmv.out_of_range": QT_TRANSLATE_NOOP(
        "Messages",
        "GMV so far: “{value}” is past ¥{limit}, more than any show takes; check the figure",
    ),
    "feed.typed.gmv.total_falls": QT_TRANSLATE_NOOP(
        "Messages",
        "GMV so far: ¥{value} is less than the ¥{counted} counted before this minute; type the "
        "show’s total so far, not this minute’s",
    ),
    "feed.typed.gmv.clock": QT_TRANSLATE_NOOP(
        "Messages",
        "GMV so far: not taken, this computer’s clock says {value}, outside this run ({first} "
        "to {last}); check the clock",
    ),
    "feed.alert_setting": QT_TRANSLATE_NOOP(
        "Messages", "{name} must be from {least} to {most}, not {value}"
    ),
    "feed.alert.viewers_drop": QT_TRANSLATE_NOOP(
        "Messages",
        "Online viewers down {drop} in {minutes} minutes ({peak} to {now}): move on to the "
        "benefit “{benefit}”",
    ),
    "feed.alert.viewers_drop_no_benefit": QT_TRANSLATE_NOOP(
        "Messages",
        "Online viewers down {drop} in {minutes} minutes ({peak} to {now}); no benefit segment "
        "is left in the plan",
    ),
    "feed.alert.sold_out": QT_TRANSLATE_NOOP(
        "Messages", "Flash sale “{promo}” sold out ({released} units): move on"
    ),
    "feed.alert.pace_behind": QT_TRANSLATE_NOOP(
        "Messages", "GMV ¥{gmv} is {behind} behind the pace to target (¥{pace} by now)"
    ),
    # An alert as the run's desk log keeps it (its name and one figure), on the review chart.
    "feed.logged.viewers_drop": QT_TRANSLATE_NOOP(
        "Messages", "Alert: online viewers dropped, {now} watching"
    ),
    "feed.logged.sold_out": QT_TRANSLATE_NOOP("Messages", "Alert: “{promo}” sold out"),
    "feed.logged.pace_behind": QT_TRANSLATE_NOOP(
        "Messages", "Alert: GMV ¥{short} behind the pace to target"
    ),
}
