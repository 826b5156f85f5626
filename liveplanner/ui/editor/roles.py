"""Item-data roles the editor's models add to Qt's, shared with the delegate."""

from PySide6.QtCore import Qt

CHOICES = Qt.ItemDataRole.UserRole + 1
"""list[(label, value)] for a cell edited by picking from a list; None for free text."""
ID = Qt.ItemDataRole.UserRole + 2
"""The id of the row's object (segment, product, promo...)."""
