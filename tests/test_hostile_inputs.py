"""Issue 17's standard on every hostile input it names: given to the command that reads it, in a
subprocess held to 1 GiB of address space and 30 s, the input is either refused in one line
naming the file (exit 2, the database's dump unchanged), or accepted, and then `show`, `runs`,
`review` and the exports (XLSX and PDF) all work with every figure in range.

The cases and how their files are made: hostile_cases.py; the corpus: fixtures/hostile/."""

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_cases import ACCEPTED, BIG, CASES, CORPUS, REFUSED, Case, case_file
from hostile_run import (
    Ran,
    Runner,
    dump,
    follow_up_problems,
    json_output,
    raw_control_problems,
    refusal_problems,
    stored_problems,
)

DEMO_SHOW = 1


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo show's database, made once; each case works on its own copy."""
    folder = tmp_path_factory.mktemp("hostile-demo")
    database = folder / "shows.sqlite3"
    made = Runner(database, folder / "data").run("demo", "--json")
    assert made.returncode == 0, made.err
    assert not Path(f"{database}-wal").exists() or Path(f"{database}-wal").stat().st_size == 0
    return database


@pytest.fixture(scope="session")
def big_input(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The big and bomb files, each made once when a case first asks for it."""
    folder = tmp_path_factory.mktemp("hostile-big")
    made: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name not in made:
            made[name] = BIG[name](folder)
        return made[name]

    return get


def _command(case: Case, source: Path | None) -> tuple[str, ...]:
    if case.path == "metrics":
        # --keep-dates: a file's odd minutes are read as they are, not refused for missing
        # the show (the cases are about what happens to them then).
        return (
            "import-metrics", str(source), "--show", str(DEMO_SHOW), "--replace", "--keep-dates",
            "--json",
        )  # fmt: skip
    if case.path == "script":
        json_flag = () if case.expect == ACCEPTED else ("--json",)  # the text output is checked
        return ("import-script", str(source), *case.args, *json_flag)
    if case.path == "restore":
        return ("db", "restore", str(source))
    return ("new-show", "--title", case.name, *case.args, "--json")


def _new_show(case: Case, ran: Ran, runner: Runner) -> tuple[int | None, list[str]]:
    """The show an accepted input made or changed."""
    if case.path in ("metrics", "restore"):
        return DEMO_SHOW, []
    if case.expect == ACCEPTED:  # imported without --json: the newest show is it
        data, problems = json_output(runner.run("shows", "--json"))
        shows = (data or {}).get("shows", [])
        return max((show["id"] for show in shows), default=None), problems
    data, problems = json_output(ran)
    return (data or {}).get("show_id"), problems


def _printed_problems(runner: Runner, show_id: int, imported: Ran) -> list[str]:
    """Titles reach the terminal escaped: import-script's report, `shows` and `show`."""
    problems = raw_control_problems(imported)
    for ran in runner.run_together(("shows",), ("show", str(show_id))):
        problems += [ran.describe()] if ran.returncode != 0 else raw_control_problems(ran)
    return problems


@pytest.mark.parametrize(
    "case", [pytest.param(c, id=c.name, marks=[pytest.mark.slow] * c.big) for c in CASES]
)
def test_a_hostile_input_is_refused_in_one_line_or_everything_after_it_works(
    case: Case,
    demo_database: Path,
    big_input: Callable[[str], Path],
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    database = tmp_path / "shows.sqlite3"
    shutil.copyfile(demo_database, database)
    runner = Runner(database, tmp_path / "data")
    name = case_file(case)
    source = None if not name else big_input(name) if case.big else CORPUS / name
    before = dump(database)

    ran = runner.run(*_command(case, source))
    # What the command did, for a table of the cases (-o junit_family=xunit1 --junitxml=...).
    outcome = f"exit {ran.returncode} in {ran.seconds:.1f} s: {ran.last_line()}"
    request.node.user_properties.append(("outcome", outcome))

    if ran.returncode == 2 or (case.expect == REFUSED and ran.returncode != 0):
        problems = refusal_problems(ran, case.named or name, case.shown)
        after = dump(database)
        if after != before:
            changed = sorted(set(before) ^ set(after))
            problems.append(f"the database changed ({len(changed)} statements): {changed[:2]}")
        assert not problems, f"{case.name}: refused badly:\n" + "\n".join(problems)
        assert case.expect != ACCEPTED, f"{case.name}: refused, but the issue asks it be accepted"
        return
    assert ran.returncode == 0, f"{case.name}: {ran.describe()}"

    show_id, problems = _new_show(case, ran, runner)
    if show_id is None:
        problems.append(f"no show to check after {ran.out[:300]!r}")
    else:
        if case.expect == ACCEPTED:
            problems += _printed_problems(runner, show_id, ran)
        problems += stored_problems(database, show_id)
        problems += follow_up_problems(runner, show_id, tmp_path)
    verdict = "accepted, where the issue asks for a refusal" if case.expect == REFUSED else ""
    assert not (problems or verdict), (
        f"{case.name}: accepted in {ran.seconds:.1f} s{', broken' if problems else ''}"
        f"{'; ' + verdict if verdict else ''}:\n" + "\n".join(problems)
    )
