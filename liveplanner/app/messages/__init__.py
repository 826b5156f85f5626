"""The one catalogue of what liveplanner tells its users: a code and its figures, worded here once
in English and translated where it is shown (the window through Qt, the command line through
app.translations).

Core, formats and storage say what happened as a code with figures (`exc.code`, `exc.figures`);
each subject's module in this package holds its codes' English texts, marked for lupdate under
the context "Messages". Placeholders are {names} filled with str.format after translation, so a
translation may put them in any order.
"""

from collections.abc import Mapping

from liveplanner.app.messages import (
    advice,
    campaigns,
    desk,
    feed,
    findings,
    imports,
    inputs,
    library,
    operations,
    products,
    sharing,
    storage,
    workspace,
)
from liveplanner.app.translations import Translate, english

CONTEXT = "Messages"


def _merge(*subjects: Mapping[str, str]) -> dict[str, str]:
    """The subjects' texts as one table; a code is worded once, so a second wording is an error."""
    merged: dict[str, str] = {}
    for texts in subjects:
        twice = merged.keys() & texts.keys()
        if twice:
            raise ValueError(f"message codes worded twice: {sorted(twice)}")
        merged.update(texts)
    return merged


# code -> English text. Each subject's module (inputs, storage, imports ...) holds a TEXTS dict;
# list it here.
TEXTS: dict[str, str] = _merge(
    inputs.TEXTS,
    operations.TEXTS,
    storage.TEXTS,
    findings.TEXTS,
    imports.TEXTS,
    workspace.TEXTS,
    campaigns.TEXTS,
    products.TEXTS,
    advice.TEXTS,
    library.TEXTS,
    desk.TEXTS,
    feed.TEXTS,
    sharing.TEXTS,
)


def word(code: str, figures: Mapping[str, object], translate: Translate = english) -> str:
    """The message for `code` in the user's language, its {names} filled from `figures`."""
    text = translate(CONTEXT, TEXTS[code])
    return text.format_map({name: value for name, value in figures.items()})
