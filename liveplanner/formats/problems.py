"""What the importer tells the user: a refusal or a warning, as a code and its figures.

The code and figures let the window say it in the user's language (ui/ holds those texts);
`message` is the English the command line prints. Every refusal names the file and, where there
is one, the row as a spreadsheet numbers it, the column header and the value.
"""

import re
from dataclasses import dataclass, field

_EXPECTED_NUMBER = "expected such as 1234, 1,234.5, 1.2万, 3.5亿 or ¥99"
_EXPECTED_TIME = "expected such as 2025-11-11 20:05, 11-11 20:05, 20:05 or an Excel date"

MESSAGES = {
    # refusals
    "too_large": "{file} is {size_mb} MB; files up to {limit_mb} MB can be imported",
    "empty": "{file} is empty",
    "is_folder": "{file} is a folder; expected a file to import",
    "not_a_file": "{file} is a pipe or device; expected a file to import",
    "binary": "{file} holds binary data, not a CSV, XLSX or JSON export",
    "not_text": "{file}: {detail}",
    "old_xls": "{file} is an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV and try again",
    "html": "{file} is a web page, not a spreadsheet; open it in Excel and save it as .xlsx",
    "named_xlsx_not_workbook": "{file} is named .xlsx but holds text; rename it .csv",
    "named_text_is_workbook": "{file} is an Excel workbook named .{extension}; rename it .xlsx",
    "bad_workbook": "{file} cannot be opened as an Excel workbook ({detail})",
    "workbook_too_large": (
        "{file} inflates to {size_mb} MB of spreadsheet data; workbooks up to {limit_mb} MB "
        "inflated can be imported"
    ),
    "workbook_bomb": (
        "{file} cannot be opened as an Excel workbook (its part {member} is compressed "
        "{ratio} to 1; a spreadsheet is at most {limit} to 1)"
    ),
    "too_many_rows": (
        "{file}, sheet “{sheet}”: more than {limit} rows; an export or a run sheet has a few "
        "thousand at most: split the file or delete the empty rows below the data"
    ),
    "too_wide_csv": "{file}, row {row}: more than {limit} columns; no export is that wide",
    "too_many_columns": (
        "{file}, sheet “{sheet}”, row {row}: a value beyond column {limit}; no export is that wide"
    ),
    "cell_too_long": (
        "{file}, sheet “{sheet}”, row {row}, column {column}: the cell holds more than "
        "{limit} characters, which no Excel cell can"
    ),
    "bad_json": "{file} is not valid JSON (line {line}, column {column}: {detail})",
    "json_too_deep": (
        "{file} is not a data export: its JSON is nested more than {limit} levels deep"
    ),
    "json_not_a_number": (
        "{file}, line {line}, column {column}: {value} is not a number JSON can hold; expected "
        "a number, text or null"
    ),
    "json_too_wide": (
        "{file}: its records have {count} different fields; an export has at most {limit}"
    ),
    "json_nested_cell": (
        "{file}, row {row}, column “{column}”: the cell holds {kind}; expected a number, text "
        "or null"
    ),
    "json_no_records": "{file} holds no list of per-minute records",
    "bad_row": "{file}, row {row}: {cells} cells where the header has {expected}",
    "no_header": (
        "{file}: no header row in its first {rows} rows; expected a row naming a time column "
        "(时间, Time …) above rows of times"
    ),
    "header_only": "{file} has a header but no data rows",
    "no_metrics": "{file}: none of the columns is a metric liveplanner knows ({columns})",
    "two_columns_one_metric": "{file}: columns “{first}” and “{second}” are both {metric}",
    "no_time": "{file}, row {row}, column “{column}”: the time is empty",
    "not_a_time": f"{{file}}, row {{row}}, column “{{column}}”: “{{value}}” is not a time; "
    f"{_EXPECTED_TIME}",
    "no_date": (
        "{file}, row {row}, column “{column}”: “{value}” has no date; give the show's date "
        "(--date YYYY-MM-DD)"
    ),
    "not_a_number": f"{{file}}, row {{row}}, column “{{column}}”: “{{value}}” is not a number; "
    f"{_EXPECTED_NUMBER}",
    "share_not_a_figure": (
        "{file}, row {row}, column “{column}”: “{value}” is a percentage; a minute's {metric} "
        "is a count or an amount, not a share"
    ),
    "time_out_of_range": (
        "{file}, row {row}, column “{column}”: “{value}” is not a time a show can have; "
        "expected a time in the years {first} to {last}"
    ),
    "number_out_of_range": (
        "{file}, row {row}, column “{column}”: “{value}” is more than a show can sell or count "
        "in a minute; expected at most {limit}"
    ),
    "negative_number": (
        "{file}, row {row}, column “{column}”: “{value}” is below zero; {metric} is a count or "
        "an amount, expected 0 or more"
    ),
    "minute_out_of_range": (
        "{file}, minute {time} (rows {first_row} to {row}), column “{column}”: the rows add up "
        "to {value}, more than a show can sell or count in a minute; expected at most {limit}"
    ),
    "no_figures": (
        "{file}: every cell of {columns} is empty or “-”; there are no figures to import"
    ),
    "far_from_show": (
        "{file}: {count} of {rows} rows are more than a day from the show ({show_start} to "
        "{show_end}), the first in row {row} ({time}); expected a file of the show's day "
        "(--keep-dates imports it as it is)"
    ),
    "time_backwards": (
        "{file}, row {row}: {time} comes before {previous} in row {previous_row}; the time "
        "runs backwards"
    ),
    "conflicting_rows": (
        "{file}, rows {first_row} and {row}: two different rows for {time} (column “{column}”: "
        "{first_value} and {value})"
    ),
    "running_total_falls": (
        "{file}, row {row}, column “{column}”: the running total falls from {previous} to {value}"
    ),
    # run sheets (formats/runsheet/): refusals
    "no_script_header": (
        "{file}: no header row in its first {rows} rows; expected a row naming columns such as "
        "序号, 时间, 时长, 环节, 商品 (or No., Time, Duration, Segment, Product)"
    ),
    "no_timing_column": (
        "{file}: no length (时长) and no start time (时间) column; one of them is needed to time "
        "the segments"
    ),
    "no_segments": "{file}: the header is in row {row}, but no row under it holds a segment",
    "bad_cell": "{file}, row {row}, column “{column}”: “{value}” is not {what}; {expected}",
    "no_length": (
        "{file}, row {row}, column “{column}”: the length is empty and no start time follows "
        "to work it out from; give minutes (5), m:ss (5:30) or h:mm:ss"
    ),
    "no_start": (
        "{file}, row {row}, column “{column}”: the start time is empty; without a length column "
        "every row needs its start time"
    ),
    "mapping_width": "the mapping has {given} columns, the sheet has {columns}",
    "cell_too_long_csv": (
        "{file}, row {row}: a cell holds more than {limit} characters; a run sheet's cell holds "
        "at most {limit}"
    ),
    "notes_too_long": (
        "{file}, row {row}: the segment's notes, with the cells kept in them, come to {length} "
        "characters; a show's text holds at most {limit}"
    ),
    "script_too_many_rows": (
        "{file}: the sheet has {rows} filled rows; a run sheet holds at most {limit} (its "
        "segments with their talking points)"
    ),
    "script_too_many_columns": (
        "{file}, row {row}: a cell is filled in column {column}; a run sheet has at most {limit} "
        "columns"
    ),
    "too_many_segments": (
        "{file}: {count} rows are segments (the last in row {row}); a show holds at most "
        "{limit} segments"
    ),
    "segment_too_long": (
        "{file}, rows {row} and {next_row}, column “{column}”: from {value} to {next_value} is "
        "{length}; a segment lasts at most {limit}"
    ),
    "sheet_date_out_of_range": (
        "{file}, row {row}: the sheet's date {date} is not a day a show can have; expected a "
        "date in the years {first} to {last}"
    ),
    "start_out_of_range": (
        "{file}: the show would start {start}, which no show can; expected a start in the "
        "years {first} to {last}"
    ),
    # run sheets: what was assumed or set aside, told after reading
    "sheet_without_date": (
        "no date in the sheet: the show is put on {date}; change it if that is wrong"
    ),
    "no_start_time": "no start time in the sheet: the show starts at {time}",
    "year_assumed": "the sheet's date has no year: the show is put on {date}",
    "value_differs_sheet": (
        "row {row}, column “{column}”: {value} for “{product}”, which the products sheet gives "
        "as {first}; the products sheet is kept"
    ),
    "excel_time_length": (
        "row {row}, column “{column}”: Excel had turned the length into the time of day "
        "{value}; read as {length}"
    ),
    "last_without_end": (
        "row {row}: the last segment has a start time but no end or length; its length is "
        "0:00 until you set it"
    ),
    "times_disagree": (
        "row {row}, column “{column}”: the sheet says {value}, the lengths above make it "
        "{planned}; the lengths are kept"
    ),
    "unknown_kind": "row {row}, column “{column}”: “{value}” is not a segment kind; read as {kind}",
    "several_people": (
        "row {row}, column “{column}”: {names}; {first} takes the role in this segment, all of "
        "them join the team"
    ),
    "value_differs": (
        "row {row}, column “{column}”: {value} for “{product}”, which row {first_row} gave as "
        "{first}; the first is kept"
    ),
    "flash_sale_product": (
        "row {row}: the flash sale names no product; it is tied to “{product}”, the product "
        "before it"
    ),
    "offer_text_ignored": (
        "row {row}, column “{column}”: the promos come from the sheet “{sheet}”; this text, "
        "which differs from them, was not read"
    ),
    "unknown_segment": (
        "sheet “{sheet}”, row {row}: segment {position} is not in the run sheet; left out"
    ),
    "title_cut": (
        "row {row}, column “{column}”: the title is longer than {limit} characters; the rest is "
        "in the segment's notes"
    ),
    # show files (formats/showfile/): refusals; a path counts list entries from 0, as JSON paths do
    "not_a_show_file": (
        '{file} is not a liveplanner show file; expected a JSON object with "format": '
        '"liveplanner.show"'
    ),
    "newer_show_file": (
        "{file} was written by a newer liveplanner: schema version {version}; this version "
        "reads up to {supported}"
    ),
    "show_file_invalid": "{file}, {path}: got {value}, expected {expected}",
    "show_file_missing": "{file}, {path}: this field is missing",
    "show_file_unknown_field": (
        "{file}, {path}: not a field of a show file (schema version {version})"
    ),
    "show_file_repeat": "{file}, {path}: repeats {first}; each must be given once",
    "show_file_dangling": (
        "{file}, {path}: refers to {kind} {id}, but the file has no {kind} with that id"
    ),
    # product exports (formats/products/): refusals
    "no_product_header": (
        "{file}: no header row in its first {rows} rows; expected a row naming the products' "
        "column (商品名称, 商品, Product name …)"
    ),
    "no_product_column": (
        "{file}: no column of product names or link numbers among {columns}; expected 商品名称 "
        "or Product name, or map one (HEADER=name or HEADER=link)"
    ),
    "no_product_figures": (
        "{file}: none of the columns is a product figure liveplanner knows ({columns}); "
        "expected exposures, clicks, add to cart, items sold, GMV or refunds"
    ),
    "product_map_no_column": "{file} has no column “{header}”; its columns: {columns}",
    "two_columns_one_field": "{file}: columns “{first}” and “{second}” are both {field}",
    "product_not_a_number": (
        "{file}, row {row}, column “{column}”: “{value}” is not {what}; expected such as 1234, "
        "1,234.5, 1.2万 or ¥99"
    ),
    "product_negative": (
        "{file}, row {row}, column “{column}”: “{value}” is below zero; {field} is a count or "
        "an amount, expected 0 or more"
    ),
    "product_out_of_range": (
        "{file}, row {row}, column “{column}”: “{value}” is more than one product of a show can "
        "sell or count; expected at most {limit}"
    ),
    "product_no_name": (
        "{file}, row {row}: figures without a product; expected its name or link number in "
        "column “{column}”"
    ),
    "product_text_too_long": (
        "{file}, row {row}, column “{column}”: {length} characters; a product's name or link "
        "holds at most {limit}"
    ),
    "too_many_products": (
        "{file}: more than {limit} product rows; a show's product export has a few hundred"
    ),
    # warnings
    "duplicates_dropped": "{count} rows repeat an earlier row exactly and were left out "
    "(first: row {row})",
    "total_row_differs": (
        "total row {row}, column “{column}”: {total}, but the rows add up to {sum} "
        "({percent} apart)"
    ),
    "missing_minutes": "no rows for {count} minutes between the first and the last: {minutes}",
    "missing_values": ("column “{column}”: {count} {cells} empty or “-”, left empty (not zero)"),
    "far_minutes_dropped": (
        "rows more than a day from the show ({show_start} to {show_end}) left out: {count}, "
        "the first row {row} ({time})"
    ),
    "far_minutes_kept": (
        "rows more than a day from the show ({show_start} to {show_end}) stored as they are "
        "(--keep-dates): {count}, the first row {row} ({time}); the review counts them outside "
        "the script"
    ),
    "unread_columns": "columns not imported: {columns}",
    "outside_show": (
        "the file runs from {start} to {end}, outside the show ({show_start} to {show_end}): "
        "is it this show's export?"
    ),
    "sub_minute": (
        "{rows} rows for {minutes} minutes: per minute, counts and money are added up and "
        "{instants} keeps the {rule} reading"
    ),
}

RULE_WORDS = {"max": "highest", "last": "last"}


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    params: dict[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        """One line, whatever the file's header or cell holds: a newline in a column name would
        split a refusal across lines, so control characters in a value are shown as escapes."""
        shown = {
            key: _CONTROLS.sub(_escaped, value) if isinstance(value, str) else value
            for key, value in self.params.items()
        }
        return MESSAGES[self.code].format(**shown)


_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


class ImportRefused(Exception):
    """The file cannot be imported; nothing was stored. `problem` says why and where."""

    def __init__(self, code: str, **params: object) -> None:
        self.problem = Problem(code, params)
        # Set when the header was read: the columns as mapped, so a window can let the user
        # map them differently (an unreadable column can be left out) and try again.
        self.columns: tuple[
            object, ...
        ] = ()  # a metrics export's Column, a run sheet's (header, field)
        self.time_column = -1
        super().__init__(self.problem.message)
