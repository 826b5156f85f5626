"""The hostile corpus is what hostile_cases says: every case has its input, the committed files
are the generator's bytes, each is small, and the README names every case."""

import sqlite3
from contextlib import closing
from pathlib import Path

from hostile_cases import BIG, CASES, CORPUS, case_file, write_small

SMALL_LIMIT = 200 * 1024


def _content(path: Path) -> object:
    """A file's bytes; an SQLite file's SQL (its header differs between SQLite versions)."""
    if path.suffix == ".sqlite3" and path.stat().st_size:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            return list(db.iterdump())
    return path.read_bytes()


def test_every_case_has_its_input_committed_or_made() -> None:
    small = {case_file(c) for c in CASES if case_file(c) and not c.big}
    assert {p.name for p in CORPUS.iterdir()} - {"README.md"} == small
    assert {c.name for c in CASES if c.big} == set(BIG)
    assert len({c.name for c in CASES}) == len(CASES)


def test_the_committed_files_are_the_generators_and_small(tmp_path: Path) -> None:
    for made in write_small(tmp_path):
        committed = CORPUS / made.name
        assert _content(committed) == _content(made), made.name
        assert committed.stat().st_size < SMALL_LIMIT, made.name


def test_the_readme_lists_every_case_with_its_outcome() -> None:
    readme = (CORPUS / "README.md").read_text("utf-8")
    for case in CASES:
        assert f"| `{case.name}` | {case.expect} |" in readme, case.name
