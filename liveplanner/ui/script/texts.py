"""The run-sheet importer's words in the user's language: column fields, and what it left
unread; its refusals and what it assumed come from the catalogue (app/messages/imports)."""

from PySide6.QtCore import QCoreApplication

from liveplanner.app.messages.imports import sheet_problem_words
from liveplanner.formats.problems import Problem
from liveplanner.formats.runsheet.columns import ROLE_OF_FIELD, Field
from liveplanner.formats.runsheet.sheet_rows import Unread
from liveplanner.ui import labels
from liveplanner.ui.words import qt_translate


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


def problem_text(problem: Problem) -> str:
    """A refusal or a notice in the user's language: the catalogue's words through Qt."""
    return sheet_problem_words(problem, qt_translate)


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
