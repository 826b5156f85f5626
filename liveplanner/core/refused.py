"""A value refused by the rules of the trade, said as a code and its figures so each front-end
words it in the user's language (app/messages holds the texts); str() is the English, for logs."""

from collections.abc import Mapping


class Refused(ValueError):
    """A typed or read value the plan cannot take. A ValueError, so callers that catch one keep
    working; `code` names its text in the catalogue and `figures` fill that text's {names}."""

    def __init__(self, english: str, code: str, **figures: object) -> None:
        super().__init__(english)
        self.code = code
        self.figures: Mapping[str, object] = figures
