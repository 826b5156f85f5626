"""What a typed value was refused for (core/inputs, schedule, money, plan, review, metrics)."""

from liveplanner.app.translations import QT_TRANSLATE_NOOP

TEXTS = {
    "input.not_money": QT_TRANSLATE_NOOP(
        "Messages", "“{text}” is not an amount in yuan; expected a number such as 19.9"
    ),
    "input.money_decimals": QT_TRANSLATE_NOOP(
        "Messages", "“{text}” has more than two decimals; expected such as 19.99"
    ),
    "input.not_count": QT_TRANSLATE_NOOP(
        "Messages", "“{text}” is not a whole number; expected a count such as 500"
    ),
    "input.not_percent": QT_TRANSLATE_NOOP(
        "Messages", "“{text}” is not a percentage; expected a number such as 60"
    ),
    "input.percent_range": QT_TRANSLATE_NOOP(
        "Messages", "“{text}”: a percentage is between 0 and 100"
    ),
    # A show's rhythm (core/rhythm_inputs)
    "input.not_minutes": QT_TRANSLATE_NOOP(
        "Messages", "“{text}” is not a number of minutes; expected whole minutes such as 20"
    ),
    "input.minutes_range": QT_TRANSLATE_NOOP(
        "Messages", "{minutes} minutes: expected {least} to {most}"
    ),
    "input.not_mix": QT_TRANSLATE_NOOP(
        "Messages",
        "“{text}” is not a mix; expected three percentages such as 40 / 35 / 25 "
        "(products, promotions, interaction)",
    ),
    "input.mix_not_100": QT_TRANSLATE_NOOP(
        "Messages", "A content mix of {shares} adds up to {total}, not 100%"
    ),
    "input.mix_in_part": QT_TRANSLATE_NOOP(
        "Messages", "A content mix is set whole: products, promotions and interaction"
    ),
    "input.not_duration": QT_TRANSLATE_NOOP(
        "Messages",
        "“{text}” is not a length; expected minutes (5), m:ss (5:30) or h:mm:ss (1:02:00)",
    ),
    "input.duration_sixty": QT_TRANSLATE_NOOP(
        "Messages",
        "In “{text}” minutes and seconds must be under 60; expected minutes (5), m:ss (5:30) "
        "or h:mm:ss (1:02:00)",
    ),
    "input.length_over_day": QT_TRANSLATE_NOOP(
        "Messages", "“{text}” is longer than a day: no segment runs that long"
    ),
    "input.not_offset": QT_TRANSLATE_NOOP(
        "Messages", "“{text}” is not a time in the segment; expected m:ss such as 0:30"
    ),
    "input.offset_over_day": QT_TRANSLATE_NOOP(
        "Messages", "“{text}” is more than a day into the segment; no segment runs a day"
    ),
    "input.show_time_years": QT_TRANSLATE_NOOP(
        "Messages",
        "{time} is not a time a show can have; expected a time in the years {first} to {last}",
    ),
    "input.segment_length": QT_TRANSLATE_NOOP(
        "Messages",
        "A segment of {seconds} seconds: a segment lasts 0 to {most} seconds (a day)",
    ),
    "input.segment_count": QT_TRANSLATE_NOOP(
        "Messages", "A show holds at most {most} segments; this one would have {count}"
    ),
    "input.unknown_zone": QT_TRANSLATE_NOOP(
        "Messages", "“{zone}” is not a time zone; expected a name like Asia/Shanghai"
    ),
    "input.not_show_time": QT_TRANSLATE_NOOP(
        "Messages", "“{text}” is not a time; expected YYYY-MM-DD HH:MM or HH:MM"
    ),
    "input.show_needs_start": QT_TRANSLATE_NOOP(
        "Messages", "A show needs a start; expected YYYY-MM-DD HH:MM"
    ),
    "input.lag_range": QT_TRANSLATE_NOOP(
        "Messages", "The attribution lag must be 0 to {most} minutes, not {lag}"
    ),
    "input.unknown_metric": QT_TRANSLATE_NOOP(
        "Messages", "“{metric}” is not a metric liveplanner knows; expected one of: {known}"
    ),
    # The show's targets of whether it paid (issue 19: targets)
    "input.not_ratio": QT_TRANSLATE_NOOP(
        "Messages", "“{text}” is not a ratio; expected a number such as 3.5 (GMV per yuan spent)"
    ),
    "input.ratio_range": QT_TRANSLATE_NOOP("Messages", "“{text}”: a ratio is at most {most}"),
    "input.not_watch_time": QT_TRANSLATE_NOOP(
        "Messages", "“{text}” is not a watch time; expected seconds (90 s) or m:ss (1:30)"
    ),
    "input.watch_over_day": QT_TRANSLATE_NOOP(
        "Messages", "“{text}” is longer than a day; no one watches that long"
    ),
}
