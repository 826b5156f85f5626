"""Platforms' per-product exports of a show (抖音 商品明细 / 商品列表, 淘宝直播 商品分析, TikTok
Shop product list) read into one line per product (core.product_sales.ProductSales), or refused
naming the file, row, column and value.

fields.py says which column holds which figure (presets, names, words, the user's mapping);
reader.py reads the rows. Shared with the minute import: formats/export_columns.py (units, total
rows, names among a header's words), cells.py (numbers as platforms write them), sheets.py (size,
encodings, CSV and XLSX).
"""
