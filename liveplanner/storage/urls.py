"""A database URL as text for people and logs: never with its password.

SQLAlchemy loads only when a URL is parsed, so the window still paints before it is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

PASSWORD_PARAMETER = "password"  # libpq takes a password in the query too


def without_password(url: URL | str) -> str:
    """`url` as text with its password taken out, whether in the user part or given as
    ?password=; parsed and written back by SQLAlchemy, so a password holding '#', '/', '?' or
    '@' is found whole. A URL without one is returned as written; text that is no URL gives "",
    since a password could be anywhere in it."""
    parsed = _parse(url)
    if parsed is None:
        return ""
    if parsed.password is None and PASSWORD_PARAMETER not in parsed.query:
        return url if isinstance(url, str) else parsed.render_as_string(hide_password=False)
    # set(password=None) would leave it: None there means "not given"
    parsed = parsed._replace(password=None).difference_update_query([PASSWORD_PARAMETER])
    return parsed.render_as_string(hide_password=False)


def shown_url(url: URL | str) -> str:
    """A database URL for people and the log: a password shown as ***, one given as
    ?password= left out; text that is no URL is not shown at all (it may hold a password)."""
    parsed = _parse(url)
    if parsed is None:
        return "(not a database URL)"
    return parsed.difference_update_query([PASSWORD_PARAMETER]).render_as_string(hide_password=True)


def _parse(url: URL | str) -> URL | None:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    if not isinstance(url, str):
        return url
    try:
        return make_url(url)
    except ArgumentError:
        return None


def unparsed(text: str) -> str:
    """Text that failed to parse as a URL, quoted for a message unless it may hold a password."""
    if "@" in text or PASSWORD_PARAMETER in text.lower():
        return "(not shown: it may hold a password)"
    return repr(text)
