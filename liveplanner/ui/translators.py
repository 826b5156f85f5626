"""The window's language: liveplanner's and Qt's own translations installed for a locale, and
swapped when the user chooses another language."""

from importlib.resources import files

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from liveplanner import resources
from liveplanner.app.language import language_for

_in_use: list[QTranslator] = []  # the translators use_language installed


def install_translators(app: QApplication, locale: QLocale) -> list[QTranslator]:
    """Load liveplanner's and Qt's own translations for `locale`; English needs none."""
    installed = []
    folder = str(files(resources) / "translations")
    for name, path in (
        ("liveplanner", folder),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", path):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def locale_for(language: str) -> QLocale:
    """The locale for a language setting: "system", "zh_CN" or "en". Chinese or not by the rule
    the command line follows too (app.language); an English system keeps its own locale."""
    if language_for(language) == "zh_CN":
        return QLocale("zh_CN")
    return QLocale.system() if language == "system" else QLocale(language)


def use_language(language: str) -> None:
    """Put the translators of `language` in place of those this function installed before."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    drop_language()
    _in_use.extend(install_translators(app, locale_for(language)))


def drop_language() -> None:
    """Remove the translators use_language installed: the source text (English) shows."""
    app = QApplication.instance()
    for translator in _in_use:
        if app is not None:
            app.removeTranslator(translator)
    _in_use.clear()
