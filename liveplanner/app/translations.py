"""The user's language without Qt: the window's own translations (the .ts files Qt Linguist keeps)
read for the command line, so both front-ends say the same words from one catalogue.

The .ts file is the source the .qm is compiled from and ships beside it; reading its XML costs a
few milliseconds and only when the language is not English, which keeps `liveplanner shows`
free of PySide6.
"""

from collections.abc import Callable
from functools import cache
from importlib.resources import files
from xml.etree import ElementTree

# (Qt context, English source) -> the text in the user's language.
Translate = Callable[[str, str], str]

LANGUAGES = ("zh_CN", "en")


def english(context: str, source: str) -> str:
    """English is the source language: the text as written."""
    del context
    return source


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark `source` for pyside6-lupdate under `context` (it looks for this name); the text is
    translated where it is shown."""
    del context
    return source


@cache
def _table(language: str) -> dict[tuple[str, str], str]:
    path = files("liveplanner.resources").joinpath(f"translations/liveplanner_{language}.ts")
    table: dict[tuple[str, str], str] = {}
    root = ElementTree.fromstring(path.read_bytes())
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None or translation.get("type") == "unfinished":
                continue
            # Chinese has one plural form: the first numerus form serves every count.
            forms = translation.findall("numerusform")
            text = forms[0].text if forms else translation.text
            if text:
                table[(name, source)] = text
    return table


def translator(language: str) -> Translate:
    """How to say a marked text in `language` ("zh_CN" or "en"); an untranslated text stays
    English, as it does in the window."""
    if language not in LANGUAGES or language == "en":
        return english
    table = _table(language)
    return lambda context, source: table.get((context, source), source)
