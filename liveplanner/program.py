"""The `liveplanner` program: the window when no command is given, else the command line.

It sits above both front-ends, so neither imports the other: the command line parses the
arguments and hands the window's options to `open_window`.
"""

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from liveplanner.cli.main import main as command_line

    return command_line(argv, open_window=open_window)


def open_window(database: str | None, open_show: int | None, exit_when: str | None) -> int:
    """The main window on `database` (None: the saved one), until the user closes it."""
    from liveplanner.ui.app import run_app

    return run_app(database, open_show=open_show, exit_when=exit_when)
