"""The importers' refusals and notices (formats/problems gives a code and its figures) in words:
a platform export's (the metrics import) and a run sheet's or a show file's (the script import),
one text per situation, with the importers' own English inside the figures (a cell's kind, a
damaged workbook's cause, a show file's limits) worded too, so a Chinese message holds no English
half-sentence.

formats/problems.MESSAGES keeps the English the log and `str(exc)` give. Over 500 lines because
it is a table: a text for each of the two importers' ninety-odd codes, and nothing else to split
it by.
"""

import re

from liveplanner.app.messages.names import METRIC_NAMES, SEGMENT_KIND_NAMES
from liveplanner.app.translations import QT_TRANSLATE_NOOP, Translate
from liveplanner.core.enums import SegmentKind
from liveplanner.formats.problems import Problem
from liveplanner.formats.runsheet.cells import (
    EXPECTED_CLOCK,
    EXPECTED_COUNT,
    EXPECTED_DURATION,
    EXPECTED_PRICE,
)

CONTEXT = "Messages"

# What a number or a time cell may hold: said after the refusal of one ("... is not a number; ").
_EXPECTED_NUMBER = QT_TRANSLATE_NOOP(
    "Messages", "expected such as 1234, 1,234.5, 1.2万, 3.5亿 or ¥99"
)
_EXPECTED_TIME = QT_TRANSLATE_NOOP(
    "Messages", "expected such as 2025-11-11 20:05, 11-11 20:05, 20:05 or an Excel date"
)
_EXPECTED_AFTER = {"import.not_a_time": _EXPECTED_TIME, "import.not_a_number": _EXPECTED_NUMBER}

IMPORT_TEXTS = {
    "import.too_large": QT_TRANSLATE_NOOP(
        "Messages", "{file} is {size_mb} MB; exports up to {limit_mb} MB can be imported"
    ),
    "import.empty": QT_TRANSLATE_NOOP("Messages", "{file} is empty"),
    "import.is_folder": QT_TRANSLATE_NOOP(
        "Messages", "{file} is a folder; expected a file to import"
    ),
    "import.not_a_file": QT_TRANSLATE_NOOP(
        "Messages", "{file} is a pipe or device; expected a file to import"
    ),
    "import.binary": QT_TRANSLATE_NOOP(
        "Messages", "{file} holds binary data, not a CSV, XLSX or JSON export"
    ),
    "import.not_text": QT_TRANSLATE_NOOP(
        "Messages", "{file} cannot be read as CSV text ({detail}); save it again as CSV or XLSX"
    ),
    "import.old_xls": QT_TRANSLATE_NOOP(
        "Messages", "{file} is an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV"
    ),
    "import.html": QT_TRANSLATE_NOOP(
        "Messages",
        "{file} is a web page, not a spreadsheet; open it in Excel and save it as .xlsx",
    ),
    "import.named_xlsx_not_workbook": QT_TRANSLATE_NOOP(
        "Messages", "{file} is named .xlsx but holds text; rename it .csv"
    ),
    "import.named_text_is_workbook": QT_TRANSLATE_NOOP(
        "Messages", "{file} is an Excel workbook named .{extension}; rename it .xlsx"
    ),
    "import.bad_workbook": QT_TRANSLATE_NOOP(
        "Messages", "{file} cannot be opened as an Excel workbook ({detail})"
    ),
    "import.workbook_too_large": QT_TRANSLATE_NOOP(
        "Messages",
        "{file} inflates to {size_mb} MB of spreadsheet data; workbooks up to {limit_mb} MB "
        "inflated can be imported",
    ),
    "import.workbook_bomb": QT_TRANSLATE_NOOP(
        "Messages",
        "{file} cannot be opened as an Excel workbook (its part {member} is compressed "
        "{ratio} to 1; a spreadsheet is at most {limit} to 1)",
    ),
    "import.too_many_rows": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, sheet “{sheet}”: more than {limit} rows; an export or a run sheet has a few "
        "thousand at most: split the file or delete the empty rows below the data",
    ),
    "import.too_wide_csv": QT_TRANSLATE_NOOP(
        "Messages", "{file}, row {row}: more than {limit} columns; no export is that wide"
    ),
    "import.too_many_columns": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, sheet “{sheet}”, row {row}: a value beyond column {limit}; no export is that wide",
    ),
    "import.json_too_deep": QT_TRANSLATE_NOOP(
        "Messages",
        "{file} is not a data export: its JSON is nested more than {limit} levels deep",
    ),
    "import.json_not_a_number": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, line {line}, column {column}: {value} is not a number JSON can hold; "
        "expected a number, text or null",
    ),
    "import.json_nested_cell": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, row {row}, column “{column}”: the cell holds {kind}; expected a number, "
        "text or null",
    ),
    "import.negative_number": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, row {row}, column “{column}”: “{value}” is below zero; {metric} is a count "
        "or an amount, expected 0 or more",
    ),
    "import.minute_out_of_range": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, minute {time} (rows {first_row} to {row}), column “{column}”: the rows add "
        "up to {value}, more than a show can sell or count in a minute; expected at most "
        "{limit}",
    ),
    "import.no_figures": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: every cell of {columns} is empty or “-”; there are no figures to import",
    ),
    "import.far_from_show": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: {count} of {rows} rows are more than a day from the show ({show_start} to "
        "{show_end}), the first in row {row} ({time}); is it this show's export?",
    ),
    "import.far_minutes_dropped": QT_TRANSLATE_NOOP(
        "Messages",
        "Rows more than a day from the show ({show_start} to {show_end}) left out: {count}, "
        "the first row {row} ({time})",
    ),
    "import.far_minutes_kept": QT_TRANSLATE_NOOP(
        "Messages",
        "Rows more than a day from the show ({show_start} to {show_end}) stored as they are "
        "(--keep-dates): {count}, the first row {row} ({time}); the review counts them outside "
        "the script",
    ),
    "import.json_too_wide": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: its records have {count} different fields; an export has at most {limit}",
    ),
    "import.cell_too_long": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, sheet “{sheet}”, row {row}, column {column}: the cell holds more than "
        "{limit} characters, which no Excel cell can",
    ),
    "import.bad_json": QT_TRANSLATE_NOOP(
        "Messages", "{file} is not valid JSON (line {line}, column {column})"
    ),
    "import.json_no_records": QT_TRANSLATE_NOOP(
        "Messages", "{file} holds no list of per-minute records"
    ),
    "import.bad_row": QT_TRANSLATE_NOOP(
        "Messages", "{file}, row {row}: {cells} cells where the header has {expected}"
    ),
    "import.no_header": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: no header row in its first {rows} rows; expected a row naming a time column "
        "(时间, Time …) above rows of times",
    ),
    "import.header_only": QT_TRANSLATE_NOOP("Messages", "{file} has a header but no data rows"),
    "import.no_metrics": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: none of the columns is a metric liveplanner knows ({columns}); choose what "
        "each column holds below",
    ),
    "import.two_columns_one_metric": QT_TRANSLATE_NOOP(
        "Messages", "{file}: columns “{first}” and “{second}” are both {metric}"
    ),
    "import.no_time": QT_TRANSLATE_NOOP(
        "Messages", "{file}, row {row}, column “{column}”: the time is empty"
    ),
    "import.not_a_time": QT_TRANSLATE_NOOP(
        "Messages", "{file}, row {row}, column “{column}”: “{value}” is not a time; "
    ),
    "import.no_date": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, row {row}, column “{column}”: “{value}” has no date; give the show's date above",
    ),
    "import.not_a_number": QT_TRANSLATE_NOOP(
        "Messages", "{file}, row {row}, column “{column}”: “{value}” is not a number; "
    ),
    "import.share_not_a_figure": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, row {row}, column “{column}”: “{value}” is a percentage; a minute's {metric} "
        "is a count or an amount, not a share",
    ),
    "import.time_out_of_range": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, row {row}, column “{column}”: “{value}” is not a time a show can have; "
        "expected a time in the years {first} to {last}",
    ),
    "import.number_out_of_range": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, row {row}, column “{column}”: “{value}” is more than a show can sell or "
        "count in a minute",
    ),
    "import.time_backwards": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, row {row}: {time} comes before {previous} in row {previous_row}; the time "
        "runs backwards",
    ),
    "import.conflicting_rows": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, rows {first_row} and {row}: two different rows for {time} (column "
        "“{column}”: {first_value} and {value})",
    ),
    "import.running_total_falls": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, row {row}, column “{column}”: the running total falls from {previous} to {value}",
    ),
    "import.duplicates_dropped": QT_TRANSLATE_NOOP(
        "Messages",
        "{count} rows repeat an earlier row exactly and were left out (first: row {row})",
    ),
    "import.total_row_differs": QT_TRANSLATE_NOOP(
        "Messages",
        "Total row {row}, column “{column}”: {total}, but the rows add up to {sum} "
        "({percent} apart)",
    ),
    "import.missing_minutes": QT_TRANSLATE_NOOP(
        "Messages", "No rows for {count} minutes between the first and the last: {minutes}"
    ),
    "import.missing_minute": QT_TRANSLATE_NOOP(
        "Messages", "No rows for 1 minute between the first and the last: {minutes}"
    ),
    "import.missing_values": QT_TRANSLATE_NOOP(
        "Messages", "Column “{column}”: {count} cells are empty or “-”, left empty (not zero)"
    ),
    "import.missing_value": QT_TRANSLATE_NOOP(
        "Messages", "Column “{column}”: 1 cell is empty or “-”, left empty (not zero)"
    ),
    "import.unread_columns": QT_TRANSLATE_NOOP("Messages", "Columns not imported: {columns}"),
    "import.outside_show": QT_TRANSLATE_NOOP(
        "Messages",
        "The file runs from {start} to {end}, outside the show ({show_start} to {show_end}): "
        "is it this show's export?",
    ),
    "import.sub_minute": QT_TRANSLATE_NOOP(
        "Messages",
        "{rows} rows for {minutes} minutes: per minute, counts and money are added up and "
        "{instants} keeps the {rule} reading",
    ),
}

SHEET_TEXTS = {
    "sheet.no_script_header": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: no header row in its first {rows} rows; expected a row naming columns such "
        "as 序号, 时间, 时长, 环节, 商品 (or No., Time, Duration, Segment, Product)",
    ),
    "sheet.mapping_width": QT_TRANSLATE_NOOP(
        "Messages", "the mapping has {given} columns, the sheet has {columns}"
    ),
    "sheet.no_timing_column": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: no length (时长) and no start time (时间) column; map one of them to time "
        "the segments",
    ),
    "sheet.no_segments": QT_TRANSLATE_NOOP(
        "Messages", "{file}: the header is in row {row}, but no row under it holds a segment"
    ),
    "sheet.bad_cell": QT_TRANSLATE_NOOP(
        "Messages", "{file}, row {row}, column “{column}”: “{value}” is not {what}; {expected}"
    ),
    "sheet.no_length": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, row {row}, column “{column}”: the length is empty and no start time follows "
        "to work it out from; give minutes (5), m:ss (5:30) or h:mm:ss",
    ),
    "sheet.no_start": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, row {row}, column “{column}”: the start time is empty; without a length "
        "column every row needs its start time",
    ),
    "sheet.time_backwards": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, row {row}: {time} comes before {previous} in row {previous_row}; the time "
        "runs backwards",
    ),
    "sheet.sheet_without_date": QT_TRANSLATE_NOOP(
        "Messages", "No date in the sheet: the show is put on {date}; change it if that is wrong"
    ),
    "sheet.year_assumed": QT_TRANSLATE_NOOP(
        "Messages", "The sheet's date has no year: the show is put on {date}"
    ),
    "sheet.value_differs_sheet": QT_TRANSLATE_NOOP(
        "Messages",
        "Row {row}, column “{column}”: {value} for “{product}”, which the products sheet "
        "gives as {first}; the products sheet is kept",
    ),
    "sheet.no_start_time": QT_TRANSLATE_NOOP(
        "Messages", "No start time in the sheet: the show starts at {time}"
    ),
    "sheet.excel_time_length": QT_TRANSLATE_NOOP(
        "Messages",
        "Row {row}, column “{column}”: Excel had turned the length into the time of day "
        "{value}; read as {length}",
    ),
    "sheet.last_without_end": QT_TRANSLATE_NOOP(
        "Messages",
        "Row {row}: the last segment has a start time but no end or length; its length is "
        "0:00 until you set it",
    ),
    "sheet.times_disagree": QT_TRANSLATE_NOOP(
        "Messages",
        "Row {row}, column “{column}”: the sheet says {value}, the lengths above make it "
        "{planned}; the lengths are kept",
    ),
    "sheet.unknown_kind": QT_TRANSLATE_NOOP(
        "Messages",
        "Row {row}, column “{column}”: “{value}” is not a segment kind; read as {kind}",
    ),
    "sheet.several_people": QT_TRANSLATE_NOOP(
        "Messages",
        "Row {row}, column “{column}”: {names}; {first} takes the role in this segment, all "
        "of them join the team",
    ),
    "sheet.value_differs": QT_TRANSLATE_NOOP(
        "Messages",
        "Row {row}, column “{column}”: {value} for “{product}”, which row {first_row} gave as "
        "{first}; the first is kept",
    ),
    "sheet.flash_sale_product": QT_TRANSLATE_NOOP(
        "Messages",
        "Row {row}: the flash sale names no product; it is tied to “{product}”, the product "
        "before it",
    ),
    "sheet.offer_text_ignored": QT_TRANSLATE_NOOP(
        "Messages",
        "Row {row}, column “{column}”: the promos come from the sheet “{sheet}”; this text, "
        "which differs from them, was not read",
    ),
    "sheet.unknown_segment": QT_TRANSLATE_NOOP(
        "Messages",
        "Sheet “{sheet}”, row {row}: segment {position} is not in the run sheet; left out",
    ),
    "sheet.not_a_show_file": QT_TRANSLATE_NOOP(
        "Messages",
        '{file} is not a liveplanner show file; expected a JSON object with "format": '
        '"liveplanner.show"',
    ),
    "sheet.newer_show_file": QT_TRANSLATE_NOOP(
        "Messages",
        "{file} was written by a newer liveplanner: schema version {version}; this version "
        "reads up to {supported}",
    ),
    "sheet.show_file_invalid": QT_TRANSLATE_NOOP(
        "Messages", "{file}, {path}: got {value}, expected {expected}"
    ),
    "sheet.show_file_missing": QT_TRANSLATE_NOOP(
        "Messages", "{file}, {path}: this field is missing"
    ),
    "sheet.show_file_unknown_field": QT_TRANSLATE_NOOP(
        "Messages", "{file}, {path}: not a field of a show file (schema version {version})"
    ),
    "sheet.show_file_repeat": QT_TRANSLATE_NOOP(
        "Messages", "{file}, {path}: repeats {first}; each must be given once"
    ),
    "sheet.show_file_dangling": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, {path}: refers to {kind} {id}, but the file has no {kind} with that id",
    ),
    "sheet.cell_too_long_csv": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, row {row}: a cell holds more than {limit} characters; a run sheet's cell "
        "holds at most {limit}",
    ),
    "sheet.notes_too_long": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, row {row}: the segment's notes, with the cells kept in them, come to "
        "{length} characters; a show's text holds at most {limit}",
    ),
    "sheet.script_too_many_rows": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: the sheet has {rows} filled rows; a run sheet holds at most {limit} (its "
        "segments with their talking points)",
    ),
    "sheet.script_too_many_columns": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, row {row}: a cell is filled in column {column}; a run sheet has at most "
        "{limit} columns",
    ),
    "sheet.too_many_segments": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: {count} rows are segments (the last in row {row}); a show holds at most "
        "{limit} segments",
    ),
    "sheet.segment_too_long": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, rows {row} and {next_row}, column “{column}”: from {value} to {next_value} "
        "is {length}; a segment lasts at most {limit}",
    ),
    "sheet.sheet_date_out_of_range": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, row {row}: the sheet's date {date} is not a day a show can have; expected a "
        "date in the years {first} to {last}",
    ),
    "sheet.start_out_of_range": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: the show would start {start}, which no show can; expected a start in the "
        "years {first} to {last}",
    ),
    "sheet.title_cut": QT_TRANSLATE_NOOP(
        "Messages",
        "Row {row}, column “{column}”: the title is longer than {limit} characters; the rest "
        "is in the segment's notes",
    ),
}

# A run sheet or a show file too large: not "an export".
SHEET_TEXTS["sheet.too_large"] = QT_TRANSLATE_NOOP(
    "Messages",
    "{file} is {size_mb} MB; run sheets and show files up to {limit_mb} MB can be imported",
)

# The English the metrics importer puts inside its figures, worded.
_FRAGMENTS = {
    "an object {…}": QT_TRANSLATE_NOOP("Messages", "an object {…}"),
    "a list […]": QT_TRANSLATE_NOOP("Messages", "a list […]"),
    "its compressed data is damaged": QT_TRANSLATE_NOOP(
        "Messages", "its compressed data is damaged"
    ),
    # zipfile's words for a workbook cut short (or not a workbook at all)
    "File is not a zip file": QT_TRANSLATE_NOOP("Messages", "the file is incomplete or damaged"),
}
_CUT_VALUE = re.compile(r"… \((\d+) characters\)$")
_CUT = QT_TRANSLATE_NOOP("Messages", "… ({count} characters)")
_BETWEEN_COLUMNS = QT_TRANSLATE_NOOP("Messages", "”, “")  # between quoted column names
_RULES = {
    "highest": QT_TRANSLATE_NOOP("Messages", "highest"),
    "last": QT_TRANSLATE_NOOP("Messages", "last"),
}

# The English of a run sheet's bad_cell `what` and `expected`.
_CELL_WORDS = {
    "a length": QT_TRANSLATE_NOOP("Messages", "a length"),
    "a clock time": QT_TRANSLATE_NOOP("Messages", "a clock time"),
    "a price": QT_TRANSLATE_NOOP("Messages", "a price"),
    "a count": QT_TRANSLATE_NOOP("Messages", "a count"),
    EXPECTED_DURATION: QT_TRANSLATE_NOOP(
        "Messages", "expected minutes (5), m:ss (5:30), h:mm:ss (1:02:00) or 5分30秒"
    ),
    EXPECTED_CLOCK: QT_TRANSLATE_NOOP(
        "Messages", "expected a clock time such as 20:05 or 20:00-20:05"
    ),
    EXPECTED_PRICE: QT_TRANSLATE_NOOP(
        "Messages", "expected an amount in yuan such as 59 or ¥59.90"
    ),
    EXPECTED_COUNT: QT_TRANSLATE_NOOP("Messages", "expected a whole number such as 300"),
    # A show's rhythm on the show sheet
    "a number of minutes": QT_TRANSLATE_NOOP("Messages", "a number of minutes"),
    "expected whole minutes such as 20": QT_TRANSLATE_NOOP(
        "Messages", "expected whole minutes such as 20"
    ),
    "a content mix": QT_TRANSLATE_NOOP("Messages", "a content mix"),
    "expected three percentages adding up to 100, such as 40 / 35 / 25": QT_TRANSLATE_NOOP(
        "Messages", "expected three percentages adding up to 100, such as 40 / 35 / 25"
    ),
}

# The show file's own English inside a refusal's figures (the schema's words stay English, as
# they name its fields and types): the limits a hostile file meets, worded for the user.
_SHOW_FILE_WORDS = (
    (r"the file", QT_TRANSLATE_NOOP("Messages", "the file")),
    (
        r"lists or objects nested hundreds deep",
        QT_TRANSLATE_NOOP("Messages", "lists or objects nested hundreds deep"),
    ),
    (
        r"a list (?P<depth>\d+) levels deep",
        QT_TRANSLATE_NOOP("Messages", "a list {depth} levels deep"),
    ),
    (
        r"an object (?P<depth>\d+) levels deep",
        QT_TRANSLATE_NOOP("Messages", "an object {depth} levels deep"),
    ),
    (
        r"lists and objects nested at most (?P<limit>\d+) deep",
        QT_TRANSLATE_NOOP("Messages", "lists and objects nested at most {limit} deep"),
    ),
    (
        r"a time in the years (?P<first>\d+) to (?P<last>\d+)",
        QT_TRANSLATE_NOOP("Messages", "a time in the years {first} to {last}"),
    ),
    (
        r"a content mix given whole, its three shares adding up to 10000",
        QT_TRANSLATE_NOOP(
            "Messages", "a content mix given whole, its three shares adding up to 10000"
        ),
    ),
    (
        r"whole minutes in seconds \(a multiple of 60\) of at least (?P<least>\d+)",
        QT_TRANSLATE_NOOP(
            "Messages", "whole minutes in seconds (a multiple of 60) of at least {least}"
        ),
    ),
)

TEXTS = {**IMPORT_TEXTS, **SHEET_TEXTS}


def _worded(params: dict[str, object], translate: Translate) -> dict[str, object]:
    for key in ("kind", "detail"):
        if key in params and str(params[key]) in _FRAGMENTS:
            params[key] = translate(CONTEXT, _FRAGMENTS[str(params[key])])
    if "value" in params:
        params["value"] = _CUT_VALUE.sub(
            lambda cut: translate(CONTEXT, _CUT).format(count=cut.group(1)), str(params["value"])
        )
    if "columns" in params:  # names the importer joined with ", "
        params["columns"] = str(params["columns"]).replace(
            "”, “", translate(CONTEXT, _BETWEEN_COLUMNS)
        )
    return params


def import_problem_words(problem: Problem, translate: Translate) -> str:
    """A platform export's refusal or notice in the user's language, its figures filled in."""
    params = _worded(dict(problem.params), translate)
    if "metric" in params:
        params["metric"] = translate("labels", METRIC_NAMES[str(params["metric"])])
    if "rule" in params:
        rule = "highest" if params["rule"] == "highest" else "last"
        params["rule"] = translate(CONTEXT, _RULES[rule])
    code = f"import.{problem.code}"
    if problem.code in ("missing_values", "missing_minutes") and params.get("count") == 1:
        code = code.removesuffix("s")
    if code not in IMPORT_TEXTS:
        return problem.message  # a code without a text still says something true
    text = translate(CONTEXT, IMPORT_TEXTS[code])
    if code in _EXPECTED_AFTER:
        text += translate(CONTEXT, _EXPECTED_AFTER[code])
    return text.format(**params)


def _show_file_worded(text: str, translate: Translate) -> str:
    for pattern, worded in _SHOW_FILE_WORDS:
        found = re.fullmatch(pattern, text)
        if found:
            return translate(CONTEXT, worded).format(**found.groupdict())
    return text


def sheet_problem_words(problem: Problem, translate: Translate) -> str:
    """A run sheet's or a show file's refusal or notice in the user's language; the file-level
    refusals it shares with the metrics import are worded as there."""
    code = f"sheet.{problem.code}"
    if code not in SHEET_TEXTS:
        return import_problem_words(problem, translate)
    params = dict(problem.params)
    if problem.code == "show_file_invalid":
        for key in ("path", "value", "expected"):
            params[key] = _show_file_worded(str(params[key]), translate)
    for key in ("what", "expected"):
        if key in params and str(params[key]) in _CELL_WORDS:
            params[key] = translate(CONTEXT, _CELL_WORDS[str(params[key])])
    if "kind" in params:
        params["kind"] = translate("labels", SEGMENT_KIND_NAMES[SegmentKind(str(params["kind"]))])
    return translate(CONTEXT, SHEET_TEXTS[code]).format(**params)
