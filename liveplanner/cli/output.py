"""What the command line writes: text in the user's language or JSON, with user text's control
characters shown as escapes, and writes that outlast a reader who has gone (`| head`).

Titles, names, notes and cells come from files and other people. Printed raw, an ESC sequence
clears or retitles the user's terminal or fakes a link (OSC 8), a C1 control (U+009B is CSI) does
the same on terminals that read 8-bit controls, and a bidi override (U+202E) or an invisible
format character makes the text read as something it is not. Such characters are shown as Python
escapes (`\\x1b`, `\\u202e`); Chinese text, emoji, ideographic spaces and punctuation pass as
they are. Backslashes are left alone, so a Windows path reads as itself.

Texts for people are marked `QT_TRANSLATE_NOOP("cli", ...)` and said through `say`, in the
language main() chose for this run; JSON is a contract for programs and stays as it is.
"""

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Sequence

from liveplanner.app.translations import Translate, english

EXIT_FINDINGS = 1  # `check` found an error-level finding, or `db check` a problem
EXIT_USAGE = 2  # the user asked for something that cannot be done
CONTEXT = "cli"  # the translations' context of the command line's texts


class UserError(Exception):
    """Something the user can correct; the message, in the user's language, says what."""


# The language of this run's texts. Module state because a command runs once per process (and
# once per main() call in tests): main() sets it before any text is said and resets it after.
_translate: Translate = english


def speak(translate: Translate) -> None:
    """Say this run's texts with `translate`."""
    global _translate
    _translate = translate


def language() -> Translate:
    """This run's language, for texts worded outside this module (app.messages)."""
    return _translate


def say(source: str, /, **figures: object) -> str:
    """A text marked QT_TRANSLATE_NOOP("cli", ...) in the user's language, its {names} filled
    from `figures` after translation (so a translation may order them as its grammar wants)."""
    text = _translate(CONTEXT, source)
    return text.format_map(figures) if figures else text


# Characters with no business in a terminal: C0 and C1 controls and DEL (Cc), format characters
# (Cf: bidi embeddings, overrides and isolates, zero-width spaces, the BOM, tags), lone
# surrogates (Cs, which no terminal encoding can carry) and the line and paragraph separators
# (Zl, Zp). A test checks this list against unicodedata. The zero-width joiner (U+200D) is kept:
# it joins emoji sequences (👨‍👩‍👧), and shows nothing on its own.
_C0 = "\x00-\x1f"
_OTHER_HIDDEN = (
    "\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b\u200c\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\ud800-\udfff\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
# A subdivision flag (🏴 followed by tag letters, e.g. Scotland's) is an emoji: its tags stay.
_FLAG = "\U0001f3f4[\U000e0020-\U000e007f]+"
_HIDDEN = re.compile(f"({_FLAG})|[{_C0}{_OTHER_HIDDEN}]")
_HIDDEN_BUT_NEWLINE = re.compile(f"({_FLAG})|[\x00-\x09\x0b-\x1f{_OTHER_HIDDEN}]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(match: re.Match[str]) -> str:
    if match.group(1):
        return match.group(1)
    char = match.group()
    if char in _SHORT:
        return _SHORT[char]
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def visible(text: str) -> str:
    """One value of user text for one line: every hidden character (a newline too) as an
    escape. Applied before a table measures its columns, so the columns stay aligned."""
    return _HIDDEN.sub(_escaped, text)


def visible_lines(text: str) -> str:
    """A whole output of several lines: the same, but its newlines stay newlines. The last
    guard on the way out; the renderers have escaped the values they lay out already."""
    return _HIDDEN_BUT_NEWLINE.sub(_escaped, text)


def _json_escaped(match: re.Match[str]) -> str:
    if match.group(1):
        return match.group(1)
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def json_text(data: object) -> str:
    """`data` as indented JSON with Chinese left readable. json.dumps escapes C0 controls
    itself but passes DEL, C1 controls and format characters raw; those are written as JSON
    escapes too (outside strings JSON has only ASCII), so the data read back is the same."""
    return _HIDDEN_BUT_NEWLINE.sub(_json_escaped, json.dumps(data, ensure_ascii=False, indent=2))


def write(text: str, error: bool = False) -> None:
    """Print `text` (already made visible) on stdout, or stderr. A reader who has gone (`| head`
    had its lines) is not the command's failure: the rest is dropped and the command goes on to
    its own end and exit status."""
    stream = sys.stderr if error else sys.stdout
    if stream is None:  # a windowed build has no console
        return
    try:
        print(text, file=stream)
    except BrokenPipeError:
        drop_output(stream)


def flush() -> None:
    """Flush what is still buffered, dropping it if the reader has gone."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        try:
            stream.flush()
        except BrokenPipeError:
            drop_output(stream)


def drop_output(stream: object) -> None:
    """Point the stream's file descriptor at the null device, so that what is left in Python's
    buffer is dropped there (and at exit) instead of raising BrokenPipeError again."""
    import os

    try:
        fd = stream.fileno()  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's capture): nothing will flush into a closed pipe
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def emit(args: argparse.Namespace, data: object, text: str) -> None:
    """Print the data as JSON or the text, with whatever control characters user text brought
    shown as escapes."""
    if args.json:
        write(json_text(data))
    else:
        write(visible_lines(text))


def width(text: str) -> int:
    """Terminal columns: Chinese characters take two, accents and other combining marks and the
    emoji joiner none."""
    return sum(
        0
        if unicodedata.combining(c) or c == "\u200d"
        else 2
        if unicodedata.east_asian_width(c) in "WF"
        else 1
        for c in text
    )


def _fit(text: str, columns: int) -> str:
    """`text` cut with an ellipsis to `columns`, then padded to it."""
    if width(text) > columns:
        while width(text) > columns - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (columns - width(text))


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], limits: Sequence[int]) -> str:
    # Cells escaped before they are measured, so a title's controls cannot skew the columns.
    rows = [[visible(cell) for cell in row] for row in rows]
    widths = [
        min(limit, max([width(h)] + [width(r[i]) for r in rows]))
        for i, (h, limit) in enumerate(zip(headers, limits, strict=True))
    ]
    lines = ["  ".join(_fit(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += ["  ".join(_fit(c, w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines)


MISSING = "—"  # a figure with no input: never written as 0


def whole_yuan(yuan: float | None) -> str:
    """Money in the text output, one form for every command: whole yuan with thousands
    separators (1,234,567), "—" where there is no figure."""
    return MISSING if yuan is None else f"{yuan:,.0f}"


def counted(count: int, one: str, many: str) -> str:
    """ "1 error" or "3 errors": `one` and `many` are marked texts with {n} for the count."""
    return say(one if count == 1 else many, n=count)


def said(code: str, /, **figures: object) -> str:
    """The catalogue's text for `code` (app/messages/) in the user's language."""
    from liveplanner.app import messages

    return messages.word(code, figures, _translate)


def refusal(exc: Exception) -> str:
    """The one line that says why a command was refused: its code worded by the catalogue
    (app/messages/) in the user's language, else the error's own English."""
    from liveplanner.app import messages

    code = getattr(exc, "code", "")
    figures = getattr(exc, "figures", {})
    if code in messages.TEXTS:
        return messages.word(code, figures, _translate)
    return str(exc)
