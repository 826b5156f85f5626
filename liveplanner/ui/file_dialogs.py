"""Asking for a file or a folder: each kind of file starts in the folder one of its kind was last
chosen in (kept in the preferences), else in the Documents folder, never in the folder the
program happened to be started from; a save proposes a file name."""

from contextlib import suppress
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Protocol, cast

from PySide6.QtCore import QDir, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from liveplanner.app import settings
from liveplanner.core.plan import ShowPlan

UNSAFE_IN_NAMES = '\\/:*?"<>|'  # not allowed in a file name on one system or another


class FileKind(Enum):
    """A kind of file with a folder of its own; the value names its field in the preferences."""

    REPORT = "reports_dir"
    METRICS = "metrics_dir"
    SCRIPT = "scripts_dir"


def documents_folder() -> Path:
    """The user's Documents folder, else the home folder (a fresh account may have none)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for folder in (documents, QDir.homePath()):
        if folder and Path(folder).is_dir():
            return Path(folder)
    return Path.home()


def first_folder(*candidates: str | Path | None) -> Path:
    """The first candidate that is an existing absolute folder, else the Documents folder. A
    dialog given a folder that is gone would open in the current folder instead."""
    for folder in candidates:
        if folder and Path(folder).is_absolute() and Path(folder).is_dir():
            return Path(folder)
    return documents_folder()


def show_file_name(plan: ShowPlan, suffix: str) -> str:
    """'双12美妆专场 2026-12-12.pdf': the show's title and date, safe as a file name."""
    name = f"{plan.show.title} {plan.show.planned_start:%Y-%m-%d}"
    for bad in UNSAFE_IN_NAMES:
        name = name.replace(bad, " ")
    return " ".join(name.split()) + suffix


class _HoldsPreferences(Protocol):
    preferences: settings.Preferences


def _window_of(widget: QWidget | None) -> _HoldsPreferences | None:
    """The window holding the preferences in use (the main window, which writes them whole), if
    `widget` is in one."""
    while widget is not None:
        if isinstance(getattr(widget, "preferences", None), settings.Preferences):
            return cast(_HoldsPreferences, widget)
        widget = widget.parentWidget()
    return None


def _preferences(parent: QWidget | None) -> settings.Preferences:
    holder = _window_of(parent)
    return holder.preferences if holder is not None else settings.load_preferences()


def start_folder(kind: FileKind, parent: QWidget | None = None) -> Path:
    """Where a dialog for `kind` opens: the folder last used for it while it still exists."""
    return first_folder(getattr(_preferences(parent), kind.value))


def remember_folder(kind: FileKind, folder: Path, parent: QWidget | None = None) -> None:
    """Keep `folder` as where the next dialog for `kind` opens, in the window's preferences (which
    it writes whole) and in the settings file."""
    holder = _window_of(parent)
    current = _preferences(parent)
    if getattr(current, kind.value) == str(folder):
        return
    chosen = replace(current, **{kind.value: str(folder)})
    if holder is not None:
        holder.preferences = chosen
    # Unwritable settings: the next dialog starts elsewhere, never a reason to fail the file's job.
    with suppress(OSError):
        settings.save_preferences(chosen)


def open_file(parent: QWidget | None, kind: FileKind, caption: str, filters: str) -> Path | None:
    """Ask for a file of `kind` to read; the chosen path, or None when cancelled."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent, caption, str(start_folder(kind, parent)), filters
    )
    if not chosen:
        return None
    path = Path(chosen)
    remember_folder(kind, path.parent, parent)
    return path


def save_file(
    parent: QWidget | None, kind: FileKind, caption: str, name: str, filters: str
) -> tuple[Path | None, str]:
    """Ask where to write a file of `kind`, proposing `name`; the chosen path (None when
    cancelled) and the filter picked."""
    proposed = start_folder(kind, parent) / name
    chosen, picked = QFileDialog.getSaveFileName(parent, caption, str(proposed), filters)
    if not chosen:
        return None, picked
    path = Path(chosen)
    remember_folder(kind, path.parent, parent)
    return path, picked


def choose_folder(
    parent: QWidget | None, caption: str, *candidates: str | Path | None
) -> Path | None:
    """Ask for a folder, starting in the first existing one of `candidates` (else Documents)."""
    chosen = QFileDialog.getExistingDirectory(parent, caption, str(first_folder(*candidates)))
    return Path(chosen) if chosen else None
