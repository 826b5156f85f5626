"""What the importer tells the user: a refusal or a warning, as a code and its figures.

The code and figures let the window say it in the user's language (ui/ holds those texts);
`message` is the English the command line prints. Every refusal names the file and, where there
is one, the row as a spreadsheet numbers it, the column header and the value.
"""

from dataclasses import dataclass, field

_EXPECTED_NUMBER = "expected such as 1234, 1,234.5, 1.2万, 3.5亿, 12.5% or ¥99"
_EXPECTED_TIME = "expected such as 2025-11-11 20:05, 11-11 20:05, 20:05 or an Excel date"

MESSAGES = {
    # refusals
    "too_large": "{file} is {size_mb} MB; exports up to {limit_mb} MB can be imported",
    "empty": "{file} is empty",
    "binary": "{file} holds binary data, not a CSV, XLSX or JSON export",
    "not_text": "{file}: {detail}",
    "old_xls": "{file} is an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV and try again",
    "html": "{file} is a web page, not a spreadsheet; open it in Excel and save it as .xlsx",
    "named_xlsx_not_workbook": "{file} is named .xlsx but holds text; rename it .csv",
    "named_text_is_workbook": "{file} is an Excel workbook named .{extension}; rename it .xlsx",
    "bad_workbook": "{file} cannot be opened as an Excel workbook ({detail})",
    "bad_json": "{file} is not valid JSON (line {line}, column {column}: {detail})",
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
    # warnings
    "duplicates_dropped": "{count} rows repeat an earlier row exactly and were left out "
    "(first: row {row})",
    "total_row_differs": (
        "total row {row}, column “{column}”: {total}, but the rows add up to {sum} "
        "({percent} apart)"
    ),
    "missing_minutes": "no rows for {count} minutes between the first and the last: {minutes}",
    "missing_values": "column “{column}”: {count} cells are empty or “-”, left empty (not zero)",
    "unread_columns": "columns not imported: {columns}",
    "outside_show": (
        "the file runs from {start} to {end}, outside the show's planned {planned_start} to "
        "{planned_end}: is it this show's export?"
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
        return MESSAGES[self.code].format(**self.params)


class ImportRefused(Exception):
    """The file cannot be imported; nothing was stored. `problem` says why and where."""

    def __init__(self, code: str, **params: object) -> None:
        self.problem = Problem(code, params)
        # Set when the header was read: the columns as mapped, so a window can let the user
        # map them differently (an unreadable column can be left out) and try again.
        self.columns: tuple = ()
        self.time_column = -1
        super().__init__(self.problem.message)
