"""Run sheets (整场脚本): read into a plan, written from one, with the side sheets that make the
round trip lossless.

reader.py reads a sheet (CSV or XLSX): sheet_rows.py finds the header and the segment rows,
columns.py names the columns and kind words, cells.py reads single cells, timing.py the lengths
and starts, offers.py the offer column, and plan.py builds the plan. writer.py writes the XLSX;
side_sheets.py defines the sheets beside it and side_sheets_reader.py reads them back. Shared
with metric exports: formats/headers.py, cells.py, sheets.py, problems.py.
"""
