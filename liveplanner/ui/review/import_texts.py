"""The metrics importer's refusals and warnings in the window's language: the catalogue's words
(app/messages/imports) through Qt."""

from liveplanner.app.messages.imports import import_problem_words
from liveplanner.formats.problems import Problem
from liveplanner.ui.words import qt_translate


def problem_text(problem: Problem) -> str:
    """The problem in the user's language, with its figures filled in."""
    return import_problem_words(problem, qt_translate)
