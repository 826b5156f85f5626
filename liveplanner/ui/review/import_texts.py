"""The importer's refusals and warnings in the user's language (formats/problems.py gives the
code and figures; the English there is what the command line prints)."""

import re

from PySide6.QtCore import QCoreApplication

from liveplanner.formats.problems import Problem
from liveplanner.ui import labels


def _templates() -> dict[str, str]:
    number = QCoreApplication.translate(
        "import", "expected such as 1234, 1,234.5, 1.2万, 3.5亿, 12.5% or ¥99"
    )
    time = QCoreApplication.translate(
        "import", "expected such as 2025-11-11 20:05, 11-11 20:05, 20:05 or an Excel date"
    )
    return {
        "too_large": QCoreApplication.translate(
            "import", "{file} is {size_mb} MB; exports up to {limit_mb} MB can be imported"
        ),
        "empty": QCoreApplication.translate("import", "{file} is empty"),
        "is_folder": QCoreApplication.translate(
            "import", "{file} is a folder; expected a file to import"
        ),
        "not_a_file": QCoreApplication.translate(
            "import", "{file} is a pipe or device; expected a file to import"
        ),
        "binary": QCoreApplication.translate(
            "import", "{file} holds binary data, not a CSV, XLSX or JSON export"
        ),
        "not_text": QCoreApplication.translate(
            "import", "{file} cannot be read as CSV text ({detail}); save it again as CSV or XLSX"
        ),
        "old_xls": QCoreApplication.translate(
            "import", "{file} is an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV"
        ),
        "html": QCoreApplication.translate(
            "import",
            "{file} is a web page, not a spreadsheet; open it in Excel and save it as .xlsx",
        ),
        "named_xlsx_not_workbook": QCoreApplication.translate(
            "import", "{file} is named .xlsx but holds text; rename it .csv"
        ),
        "named_text_is_workbook": QCoreApplication.translate(
            "import", "{file} is an Excel workbook named .{extension}; rename it .xlsx"
        ),
        "bad_workbook": QCoreApplication.translate(
            "import", "{file} cannot be opened as an Excel workbook ({detail})"
        ),
        "workbook_too_large": QCoreApplication.translate(
            "import",
            "{file} inflates to {size_mb} MB of spreadsheet data; workbooks up to {limit_mb} MB "
            "inflated can be imported",
        ),
        "workbook_bomb": QCoreApplication.translate(
            "import",
            "{file} cannot be opened as an Excel workbook (its part {member} is compressed "
            "{ratio} to 1; a spreadsheet is at most {limit} to 1)",
        ),
        "too_many_rows": QCoreApplication.translate(
            "import",
            "{file}, sheet “{sheet}”: more than {limit} rows; an export or a run sheet has a few "
            "thousand at most: split the file or delete the empty rows below the data",
        ),
        "too_many_columns": QCoreApplication.translate(
            "import",
            "{file}, sheet “{sheet}”, row {row}: a value beyond column {limit}; no export is "
            "that wide",
        ),
        "json_too_deep": QCoreApplication.translate(
            "import",
            "{file} is not a data export: its JSON is nested more than {limit} levels deep",
        ),
        "json_not_a_number": QCoreApplication.translate(
            "import",
            "{file}, line {line}, column {column}: {value} is not a number JSON can hold; "
            "expected a number, text or null",
        ),
        "json_nested_cell": QCoreApplication.translate(
            "import",
            "{file}, row {row}, column “{column}”: the cell holds {kind}; expected a number, "
            "text or null",
        ),
        "negative_number": QCoreApplication.translate(
            "import",
            "{file}, row {row}, column “{column}”: “{value}” is below zero; {metric} is a count "
            "or an amount, expected 0 or more",
        ),
        "minute_out_of_range": QCoreApplication.translate(
            "import",
            "{file}, minute {time} (rows {first_row} to {row}), column “{column}”: the rows add "
            "up to {value}, more than a show can sell or count in a minute; expected at most "
            "{limit}",
        ),
        "no_figures": QCoreApplication.translate(
            "import",
            "{file}: every cell of {columns} is empty or “-”; there are no figures to import",
        ),
        "far_from_show": QCoreApplication.translate(
            "import",
            "{file}: {count} of {rows} rows are more than a day from the show ({show_start} to "
            "{show_end}), the first in row {row} ({time}); is it this show's export?",
        ),
        "far_minutes_dropped": QCoreApplication.translate(
            "import",
            "Rows more than a day from the show ({show_start} to {show_end}) left out: {count}, "
            "the first row {row} ({time})",
        ),
        "json_too_wide": QCoreApplication.translate(
            "import",
            "{file}: its records have {count} different fields; an export has at most {limit}",
        ),
        "cell_too_long": QCoreApplication.translate(
            "import",
            "{file}, sheet “{sheet}”, row {row}, column {column}: the cell holds more than "
            "{limit} characters, which no Excel cell can",
        ),
        "bad_json": QCoreApplication.translate(
            "import", "{file} is not valid JSON (line {line}, column {column})"
        ),
        "json_no_records": QCoreApplication.translate(
            "import", "{file} holds no list of per-minute records"
        ),
        "bad_row": QCoreApplication.translate(
            "import", "{file}, row {row}: {cells} cells where the header has {expected}"
        ),
        "no_header": QCoreApplication.translate(
            "import",
            "{file}: no header row in its first {rows} rows; expected a row naming a time column "
            "(时间, Time …) above rows of times",
        ),
        "header_only": QCoreApplication.translate("import", "{file} has a header but no data rows"),
        "no_metrics": QCoreApplication.translate(
            "import",
            "{file}: none of the columns is a metric liveplanner knows ({columns}); choose what "
            "each column holds below",
        ),
        "two_columns_one_metric": QCoreApplication.translate(
            "import", "{file}: columns “{first}” and “{second}” are both {metric}"
        ),
        "no_time": QCoreApplication.translate(
            "import", "{file}, row {row}, column “{column}”: the time is empty"
        ),
        "not_a_time": QCoreApplication.translate(
            "import", "{file}, row {row}, column “{column}”: “{value}” is not a time; "
        )
        + time,
        "no_date": QCoreApplication.translate(
            "import",
            "{file}, row {row}, column “{column}”: “{value}” has no date; give the show's date "
            "above",
        ),
        "not_a_number": QCoreApplication.translate(
            "import", "{file}, row {row}, column “{column}”: “{value}” is not a number; "
        )
        + number,
        "time_out_of_range": QCoreApplication.translate(
            "import",
            "{file}, row {row}, column “{column}”: “{value}” is not a time a show can have; "
            "expected a time in the years {first} to {last}",
        ),
        "number_out_of_range": QCoreApplication.translate(
            "import",
            "{file}, row {row}, column “{column}”: “{value}” is more than a show can sell or "
            "count in a minute",
        ),
        "time_backwards": QCoreApplication.translate(
            "import",
            "{file}, row {row}: {time} comes before {previous} in row {previous_row}; the time "
            "runs backwards",
        ),
        "conflicting_rows": QCoreApplication.translate(
            "import",
            "{file}, rows {first_row} and {row}: two different rows for {time} (column "
            "“{column}”: {first_value} and {value})",
        ),
        "running_total_falls": QCoreApplication.translate(
            "import",
            "{file}, row {row}, column “{column}”: the running total falls from {previous} to "
            "{value}",
        ),
        "duplicates_dropped": QCoreApplication.translate(
            "import",
            "{count} rows repeat an earlier row exactly and were left out (first: row {row})",
        ),
        "total_row_differs": QCoreApplication.translate(
            "import",
            "Total row {row}, column “{column}”: {total}, but the rows add up to {sum} "
            "({percent} apart)",
        ),
        "missing_minutes": QCoreApplication.translate(
            "import", "No rows for {count} minutes between the first and the last: {minutes}"
        ),
        "missing_minute": QCoreApplication.translate(
            "import", "No rows for 1 minute between the first and the last: {minutes}"
        ),
        "missing_values": QCoreApplication.translate(
            "import", "Column “{column}”: {count} cells are empty or “-”, left empty (not zero)"
        ),
        "missing_value": QCoreApplication.translate(
            "import", "Column “{column}”: 1 cell is empty or “-”, left empty (not zero)"
        ),
        "unread_columns": QCoreApplication.translate("import", "Columns not imported: {columns}"),
        "outside_show": QCoreApplication.translate(
            "import",
            "The file runs from {start} to {end}, outside the show ({show_start} to {show_end}): "
            "is it this show's export?",
        ),
        "sub_minute": QCoreApplication.translate(
            "import",
            "{rows} rows for {minutes} minutes: per minute, counts and money are added up and "
            "{instants} keeps the {rule} reading",
        ),
    }


# The English the importer puts inside its figures (a cell's kind, a damaged workbook's cause,
# how long a cut value was), worded here so a Chinese message holds no English half-sentence.
_CUT_VALUE = re.compile(r"… \((\d+) characters\)$")


def _fragments() -> dict[str, str]:
    return {
        "an object {…}": QCoreApplication.translate("import", "an object {…}"),
        "a list […]": QCoreApplication.translate("import", "a list […]"),
        "its compressed data is damaged": QCoreApplication.translate(
            "import", "its compressed data is damaged"
        ),
        # zipfile's words for a workbook cut short (or not a workbook at all)
        "File is not a zip file": QCoreApplication.translate(
            "import", "the file is incomplete or damaged"
        ),
    }


def _worded(params: dict[str, object]) -> dict[str, object]:
    fragments = _fragments()
    for key in ("kind", "detail"):
        if key in params:
            params[key] = fragments.get(str(params[key]), params[key])
    if "value" in params:
        params["value"] = _CUT_VALUE.sub(
            lambda cut: QCoreApplication.translate("import", "… ({count} characters)").format(
                count=cut.group(1)
            ),
            str(params["value"]),
        )
    if "columns" in params:  # names the importer joined with ", "
        params["columns"] = str(params["columns"]).replace(
            "”, “", QCoreApplication.translate("import", "”, “", "between quoted column names")
        )
    return params


def problem_text(problem: Problem) -> str:
    """The problem in the user's language, with its figures filled in."""
    params = _worded(dict(problem.params))
    if "metric" in params:
        params["metric"] = labels.metric(str(params["metric"]))
    if "rule" in params:
        params["rule"] = (
            QCoreApplication.translate("import", "highest")
            if params["rule"] == "highest"
            else QCoreApplication.translate("import", "last")
        )
    code = problem.code
    if code in ("missing_values", "missing_minutes") and params.get("count") == 1:
        code = code.removesuffix("s")
    template = _templates().get(code)
    if template is None:
        return problem.message  # a code without a translation still says something true
    return template.format(**params)
