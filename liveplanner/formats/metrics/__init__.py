"""Platform minute-by-minute exports (直播大屏, 数据明细 …) read into tidy samples (minute, metric,
value), or refused naming the file, row, column and value.

reader.py runs the import: tables.py finds the table (CSV, XLSX, JSON), presets.py maps known
layouts' columns to metrics, rows.py reads the rows (totals, times, numbers), times.py the clock
times, minutes.py makes one value a minute with its checks and warnings, and records.py holds
the options, the result and the bounds. Shared with run sheets: formats/headers.py, cells.py,
sheets.py, problems.py.
"""
