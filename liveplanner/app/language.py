"""Which language liveplanner speaks to its user: the one rule the window, the command line and
the files they write (a run sheet's headers) all follow."""

import locale
import os

from liveplanner.app.settings import Preferences, load_preferences

# The order gettext and Qt read them in: LANGUAGE (a list of preferences, first one counts) over
# LC_ALL over LC_MESSAGES over LANG.
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def system_language() -> str:
    """The system's language as liveplanner ships it: "zh_CN" for any Chinese locale, else "en"."""
    name = next((os.environ[v] for v in _LOCALE_VARIABLES if os.environ.get(v)), "")
    name = name.split(":")[0]
    if not name:
        # Windows and macOS apps started from a launcher get no variables: ask the C library.
        name = locale.getlocale()[0] or ""
    name = name.lower()
    return "zh_CN" if name.startswith("zh") or name.startswith("chinese") else "en"


def language_for(chosen: str) -> str:
    """The language of a language setting ("system", "zh_CN" or "en")."""
    return chosen if chosen in ("zh_CN", "en") else system_language()


def user_language(preferences: Preferences | None = None) -> str:
    """ "zh_CN" or "en": the saved preference, else the system's locale."""
    chosen = (preferences or load_preferences()).language
    return language_for(chosen)


def file_language(preferences: Preferences | None = None) -> str:
    """The language of what an export writes for people ("zh" or "en"): the user's."""
    return "zh" if user_language(preferences) == "zh_CN" else "en"
