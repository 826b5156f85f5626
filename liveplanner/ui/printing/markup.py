"""HTML pieces the run sheet and the cue cards share: escaping, clock times, money, the style."""

import html
from collections.abc import Iterable
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont

from liveplanner.core.money import format_yuan

# Qt takes each character from the first of these that has it: Latin from a Latin face, Chinese
# from a Simplified Chinese one (not the Japanese shapes a bare fallback may pick). Latin first
# also keeps the PDF's text searchable: Qt's PDF loses digits set in Noto Sans CJK.
FONT_FAMILIES = (
    "Segoe UI",
    "Helvetica Neue",
    "Arial",
    "DejaVu Sans",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
)
BASE_POINT_SIZE = 9.0

INK = "#1d1f22"
MUTED = "#5f6670"
RULE = "#d5dae0"
HEAD_FILL = "#e9edf2"
STRIPE = "#f5f7f9"

# A table cell's attribute for text never broken over lines, such as a clock time: Qt widens the
# column to fit it instead of breaking 20:23:30 into 20:23:3 and 0.
NOWRAP = ' style="white-space: nowrap"'

# No paragraph has a top margin: Qt drops it at the top of a document but keeps it after a page
# break, and the pagination measures sections at the top of a document.
STYLE = f"""
p {{ margin-top: 0; }}
h1 {{ font-size: 15pt; font-weight: bold; margin-top: 0; margin-bottom: 2px; }}
.muted {{ color: {MUTED}; }}
.small {{ font-size: 8pt; color: {MUTED}; }}
.value {{ font-size: 10pt; font-weight: bold; }}
.strike {{ font-size: 8pt; color: {MUTED}; text-decoration: line-through; }}
table.facts td {{ padding: 2px 14px 2px 0; }}
table.sheet {{ border-collapse: collapse; margin-top: 6px; }}
table.sheet th {{ background-color: {HEAD_FILL}; text-align: left; font-size: 7.5pt;
  border-bottom: 1px solid #9aa3ad; }}
table.sheet td {{ vertical-align: top; border-bottom: 1px solid {RULE}; font-size: 8pt;
  line-height: 85%; }}
table.sheet .small {{ font-size: 7pt; }}
.time {{ font-size: 9pt; font-weight: bold; }}
.price {{ font-size: 8.5pt; font-weight: bold; }}
.title {{ font-size: 8.5pt; font-weight: bold; }}
.number {{ font-size: 9pt; font-weight: bold; }}
.who {{ color: {MUTED}; }}
table.card {{ border-collapse: collapse; margin-top: 6px; }}
table.card th {{ background-color: {HEAD_FILL}; text-align: left; font-size: 10pt;
  border-bottom: 1px solid #9aa3ad; }}
table.card td {{ vertical-align: top; border-bottom: 1px solid {RULE}; font-size: 13pt; }}
.card-name {{ font-size: 30pt; font-weight: bold; margin-top: 0; margin-bottom: 0; }}
.card-roles {{ font-size: 16pt; font-weight: bold; color: {MUTED}; margin-top: 0; }}
.card-time {{ font-size: 16pt; font-weight: bold; }}
.card-title {{ font-size: 14pt; font-weight: bold; }}
.card-detail {{ font-size: 11pt; color: {MUTED}; }}
.card-points {{ font-size: 12pt; }}
.card-summary {{ font-size: 11pt; color: {MUTED}; margin-bottom: 8px; }}
.card-cue-time {{ font-size: 14pt; font-weight: bold; }}
.empty {{ font-size: 13pt; color: {MUTED}; margin-top: 18px; }}
"""


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def lines(text: str) -> str:
    """Text as HTML, its line breaks kept."""
    return "<br>".join(esc(line) for line in text.strip().splitlines())


def clock(moment: datetime) -> str:
    """19:30, or 19:30:30 where the seconds matter."""
    return moment.strftime("%H:%M:%S" if moment.second else "%H:%M")


def yuan(fen: int) -> str:
    return f"¥{format_yuan(fen)}"


def count(value: int) -> str:
    return f"{value:,}"


def swatch(color: str) -> str:
    """A small square in a kind's colour."""
    return f'<span style="color: {color}; font-size: 10pt;">■</span>'


def name_list(names: Iterable[str]) -> str:
    """Names joined the language's way: 林晓、陈一鸣 or Lin, Chen."""
    return QCoreApplication.translate("ScriptPrint", ", ").join(names)


def font(pixel_size: int | None = None) -> QFont:
    """The printed face: BASE_POINT_SIZE, or a size in layout pixels for painting by hand."""
    face = QFont()
    face.setFamilies(list(FONT_FAMILIES))
    if pixel_size is None:
        face.setPointSizeF(BASE_POINT_SIZE)
    else:
        face.setPixelSize(pixel_size)
    return face
