"""The run-sheet importer's words in the user's language: column fields, refusals and what it
assumed (formats/problems.py holds the English the command line prints)."""

import re

from PySide6.QtCore import QCoreApplication

from liveplanner.core.enums import SegmentKind
from liveplanner.formats.problems import Problem
from liveplanner.formats.runsheet.cells import (
    EXPECTED_CLOCK,
    EXPECTED_COUNT,
    EXPECTED_DURATION,
    EXPECTED_PRICE,
)
from liveplanner.formats.runsheet.columns import ROLE_OF_FIELD, Field
from liveplanner.formats.runsheet.plan import Unread
from liveplanner.ui import labels
from liveplanner.ui.review.import_texts import problem_text as file_problem_text


def field_label(field: Field | None) -> str:
    if field is None:
        return QCoreApplication.translate("script", "— not read —")
    return {
        Field.POSITION: QCoreApplication.translate("script", "No."),
        Field.START: QCoreApplication.translate("script", "Start time"),
        Field.DURATION: QCoreApplication.translate("script", "Length"),
        Field.KIND: QCoreApplication.translate("script", "Segment kind"),
        Field.TITLE: QCoreApplication.translate("script", "Segment title"),
        Field.PRODUCT: QCoreApplication.translate("script", "Product"),
        Field.SKU: QCoreApplication.translate("script", "Link no. / SKU"),
        Field.LIST_PRICE: QCoreApplication.translate("script", "List price"),
        Field.LIVE_PRICE: QCoreApplication.translate("script", "Live price"),
        Field.STOCK: QCoreApplication.translate("script", "Stock"),
        Field.OFFER: QCoreApplication.translate("script", "Offers"),
        Field.TALKING_POINTS: QCoreApplication.translate("script", "Talking points"),
        Field.NOTES: QCoreApplication.translate("script", "Notes"),
    }.get(field) or labels.role(ROLE_OF_FIELD[field])


def _templates() -> dict[str, str]:
    return {
        "no_script_header": QCoreApplication.translate(
            "script",
            "{file}: no header row in its first {rows} rows; expected a row naming columns such "
            "as 序号, 时间, 时长, 环节, 商品 (or No., Time, Duration, Segment, Product)",
        ),
        "no_timing_column": QCoreApplication.translate(
            "script",
            "{file}: no length (时长) and no start time (时间) column; map one of them to time "
            "the segments",
        ),
        "no_segments": QCoreApplication.translate(
            "script", "{file}: the header is in row {row}, but no row under it holds a segment"
        ),
        "bad_cell": QCoreApplication.translate(
            "script", "{file}, row {row}, column “{column}”: “{value}” is not {what}; {expected}"
        ),
        "no_length": QCoreApplication.translate(
            "script",
            "{file}, row {row}, column “{column}”: the length is empty and no start time follows "
            "to work it out from; give minutes (5), m:ss (5:30) or h:mm:ss",
        ),
        "no_start": QCoreApplication.translate(
            "script",
            "{file}, row {row}, column “{column}”: the start time is empty; without a length "
            "column every row needs its start time",
        ),
        "time_backwards": QCoreApplication.translate(
            "script",
            "{file}, row {row}: {time} comes before {previous} in row {previous_row}; the time "
            "runs backwards",
        ),
        "sheet_without_date": QCoreApplication.translate(
            "script", "No date in the sheet: the show is put on {date}; change it if that is wrong"
        ),
        "year_assumed": QCoreApplication.translate(
            "script", "The sheet's date has no year: the show is put on {date}"
        ),
        "value_differs_sheet": QCoreApplication.translate(
            "script",
            "Row {row}, column “{column}”: {value} for “{product}”, which the products sheet "
            "gives as {first}; the products sheet is kept",
        ),
        "no_start_time": QCoreApplication.translate(
            "script", "No start time in the sheet: the show starts at {time}"
        ),
        "excel_time_length": QCoreApplication.translate(
            "script",
            "Row {row}, column “{column}”: Excel had turned the length into the time of day "
            "{value}; read as {length}",
        ),
        "last_without_end": QCoreApplication.translate(
            "script",
            "Row {row}: the last segment has a start time but no end or length; its length is "
            "0:00 until you set it",
        ),
        "times_disagree": QCoreApplication.translate(
            "script",
            "Row {row}, column “{column}”: the sheet says {value}, the lengths above make it "
            "{planned}; the lengths are kept",
        ),
        "unknown_kind": QCoreApplication.translate(
            "script",
            "Row {row}, column “{column}”: “{value}” is not a segment kind; read as {kind}",
        ),
        "several_people": QCoreApplication.translate(
            "script",
            "Row {row}, column “{column}”: {names}; {first} takes the role in this segment, all "
            "of them join the team",
        ),
        "value_differs": QCoreApplication.translate(
            "script",
            "Row {row}, column “{column}”: {value} for “{product}”, which row {first_row} gave as "
            "{first}; the first is kept",
        ),
        "flash_sale_product": QCoreApplication.translate(
            "script",
            "Row {row}: the flash sale names no product; it is tied to “{product}”, the product "
            "before it",
        ),
        "offer_text_ignored": QCoreApplication.translate(
            "script",
            "Row {row}, column “{column}”: the promos come from the sheet “{sheet}”; this text, "
            "which differs from them, was not read",
        ),
        "unknown_segment": QCoreApplication.translate(
            "script",
            "Sheet “{sheet}”, row {row}: segment {position} is not in the run sheet; left out",
        ),
        "not_a_show_file": QCoreApplication.translate(
            "script",
            '{file} is not a liveplanner show file; expected a JSON object with "format": '
            '"liveplanner.show"',
        ),
        "newer_show_file": QCoreApplication.translate(
            "script",
            "{file} was written by a newer liveplanner: schema version {version}; this version "
            "reads up to {supported}",
        ),
        "show_file_invalid": QCoreApplication.translate(
            "script", "{file}, {path}: got {value}, expected {expected}"
        ),
        "show_file_missing": QCoreApplication.translate(
            "script", "{file}, {path}: this field is missing"
        ),
        "show_file_unknown_field": QCoreApplication.translate(
            "script", "{file}, {path}: not a field of a show file (schema version {version})"
        ),
        "show_file_repeat": QCoreApplication.translate(
            "script", "{file}, {path}: repeats {first}; each must be given once"
        ),
        "show_file_dangling": QCoreApplication.translate(
            "script",
            "{file}, {path}: refers to {kind} {id}, but the file has no {kind} with that id",
        ),
        "cell_too_long_csv": QCoreApplication.translate(
            "script",
            "{file}, row {row}: a cell holds more than {limit} characters; a run sheet's cell "
            "holds at most {limit}",
        ),
        "notes_too_long": QCoreApplication.translate(
            "script",
            "{file}, row {row}: the segment's notes, with the cells kept in them, come to "
            "{length} characters; a show's text holds at most {limit}",
        ),
        "script_too_many_rows": QCoreApplication.translate(
            "script",
            "{file}: the sheet has {rows} filled rows; a run sheet holds at most {limit} (its "
            "segments with their talking points)",
        ),
        "script_too_many_columns": QCoreApplication.translate(
            "script",
            "{file}, row {row}: a cell is filled in column {column}; a run sheet has at most "
            "{limit} columns",
        ),
        "too_many_segments": QCoreApplication.translate(
            "script",
            "{file}: {count} rows are segments (the last in row {row}); a show holds at most "
            "{limit} segments",
        ),
        "segment_too_long": QCoreApplication.translate(
            "script",
            "{file}, rows {row} and {next_row}, column “{column}”: from {value} to {next_value} "
            "is {length}; a segment lasts at most {limit}",
        ),
        "sheet_date_out_of_range": QCoreApplication.translate(
            "script",
            "{file}, row {row}: the sheet's date {date} is not a day a show can have; expected a "
            "date in the years {first} to {last}",
        ),
        "start_out_of_range": QCoreApplication.translate(
            "script",
            "{file}: the show would start {start}, which no show can; expected a start in the "
            "years {first} to {last}",
        ),
        "title_cut": QCoreApplication.translate(
            "script",
            "Row {row}, column “{column}”: the title is longer than {limit} characters; the rest "
            "is in the segment's notes",
        ),
    }


def _cell_words() -> dict[str, str]:
    """The English of bad_cell's `what` and `expected`, translated."""
    return {
        "a length": QCoreApplication.translate("script", "a length"),
        "a clock time": QCoreApplication.translate("script", "a clock time"),
        "a price": QCoreApplication.translate("script", "a price"),
        "a count": QCoreApplication.translate("script", "a count"),
        EXPECTED_DURATION: QCoreApplication.translate(
            "script", "expected minutes (5), m:ss (5:30), h:mm:ss (1:02:00) or 5分30秒"
        ),
        EXPECTED_CLOCK: QCoreApplication.translate(
            "script", "expected a clock time such as 20:05 or 20:00-20:05"
        ),
        EXPECTED_PRICE: QCoreApplication.translate(
            "script", "expected an amount in yuan such as 59 or ¥59.90"
        ),
        EXPECTED_COUNT: QCoreApplication.translate("script", "expected a whole number such as 300"),
    }


# The show file's own English inside a refusal's figures (the schema's words stay English, as
# they name its fields and types): the limits a hostile file meets, worded for the user.
def _show_file_words() -> list[tuple[str, str]]:
    return [
        (r"the file", QCoreApplication.translate("script", "the file")),
        (
            r"lists or objects nested hundreds deep",
            QCoreApplication.translate("script", "lists or objects nested hundreds deep"),
        ),
        (
            r"a list (?P<depth>\d+) levels deep",
            QCoreApplication.translate("script", "a list {depth} levels deep"),
        ),
        (
            r"an object (?P<depth>\d+) levels deep",
            QCoreApplication.translate("script", "an object {depth} levels deep"),
        ),
        (
            r"lists and objects nested at most (?P<limit>\d+) deep",
            QCoreApplication.translate("script", "lists and objects nested at most {limit} deep"),
        ),
        (
            r"a time in the years (?P<first>\d+) to (?P<last>\d+)",
            QCoreApplication.translate("script", "a time in the years {first} to {last}"),
        ),
    ]


def _show_file_worded(text: str) -> str:
    for pattern, worded in _show_file_words():
        found = re.fullmatch(pattern, text)
        if found:
            return worded.format(**found.groupdict())
    return text


def problem_text(problem: Problem) -> str:
    """A refusal or a notice in the user's language."""
    if problem.code == "too_large":  # a run sheet or a show file: not "an export"
        return QCoreApplication.translate(
            "script",
            "{file} is {size_mb} MB; run sheets and show files up to {limit_mb} MB can be imported",
        ).format(**problem.params)
    template = _templates().get(problem.code)
    if template is None:
        return file_problem_text(problem)  # the file-level refusals the metrics import shares
    params = dict(problem.params)
    if problem.code == "show_file_invalid":
        for key in ("path", "value", "expected"):
            params[key] = _show_file_worded(str(params[key]))
    words = _cell_words()
    for key in ("what", "expected"):
        if key in params:
            params[key] = words.get(str(params[key]), params[key])
    if "kind" in params:
        params["kind"] = labels.segment_kind(SegmentKind(str(params["kind"])))
    return template.format(**params)


def unread_text(item: Unread) -> str:
    if item.kept:
        text = QCoreApplication.translate(
            "script", "Row {row}, column “{column}”: “{value}” is kept in the segment's notes"
        )
    else:
        text = QCoreApplication.translate(
            "script", "Row {row}: “{value}” is no segment and was left out"
        )
    return text.format(row=item.row, column=item.column, value=item.value)
