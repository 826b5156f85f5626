"""benchmarks/run_all.py's machinery at smoke sizes: its JSON, its table, the scratch PostgreSQL
database; never the timings themselves."""

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
KEYS = {"name", "value", "unit", "baseline", "ratio", "target"}


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    # The edit-write benchmark adds PostgreSQL rows when a server is named; these tests read the
    # SQLite rows alone, the same on every machine.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("LIVEPLANNER_TEST_POSTGRES_URL", None)
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / script), "--smoke", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def load_module(name: str):  # type: ignore[no-untyped-def]
    """A benchmark script as a module; they import figures.py as a top-level module."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TARGETED = re.compile(r"\dx +\d+(\.\d+)?x( +MISSED)?$")  # a ratio, then its target


def summary_of(rows: list[str]) -> list[str]:
    """The summary that belongs under these table rows: the rows marked MISSED, by name."""
    targeted = [row for row in rows if TARGETED.search(row)]
    missed = [row.split()[:-1] for row in targeted if row.endswith("MISSED")]
    if not missed:
        return [f"all {len(targeted)} targets met"]
    # A missed row's last six cells: value, unit, baseline, unit, ratio, target.
    named = [f"  {' '.join(cells[:-6])}: {cells[-2]}, target {cells[-1]}" for cells in missed]
    return [f"{len(missed)} of {len(targeted)} targets missed:", *named]


def test_every_benchmark_reports_figures_as_json() -> None:
    result = run("run_all.py", "--json")

    assert result.returncode == 0, result.stderr  # 1 would mean a benchmark failed to run
    entries = json.loads(result.stdout)  # stdout holds the JSON list and nothing else
    assert len(entries) >= 7
    assert len({e["name"] for e in entries}) == len(entries)
    for entry in entries:
        assert set(entry) == KEYS, entry
        assert isinstance(entry["name"], str) and entry["name"]
        # times, the advice's accuracy and the desk's memory
        assert entry["unit"] in {"ms", "s", "yuan", "%", "MB"}
        assert entry["value"] >= 0
        if entry["baseline"] is None:
            assert entry["ratio"] is None and entry["target"] is None, entry
        else:
            assert entry["ratio"] == pytest.approx(entry["value"] / entry["baseline"])
        assert entry["target"] is None or entry["target"] > 0
    assert any(e["target"] is not None for e in entries)


def test_the_table_has_a_row_per_figure_and_a_summary_that_matches_it() -> None:
    """Whether a target is met depends on the machine's load, so only the table's shape is
    checked, and that the summary names exactly the rows the table marks MISSED."""
    result = run("run_all.py", "--only", "edit_write")

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["figure", "value", "baseline", "ratio", "target"]
    rows = lines[1:4]
    assert [row.split(":")[0] for row in rows] == ["edit write, SQLite"] * 3
    assert sum(bool(TARGETED.search(row)) for row in rows) == 2  # vs its lighter form, a frame
    assert lines[4:] == summary_of(rows)


def test_a_missed_target_is_marked_and_named() -> None:
    figures = load_module("figures")
    within = figures.Figure("within", 1.5, "ms", 1.0, 2.0)
    missed = figures.Figure("over", 3.0, "ms", 1.0, 2.0)
    informational = figures.Figure("no target", 9.0, "s", 1.0)
    alone = figures.Figure("no baseline", 0.25, "s")

    rows = figures.table([within, missed, informational, alone]).splitlines()
    summary = figures.summary([within, missed, informational, alone])

    assert [row.endswith("MISSED") for row in rows] == [False, False, True, False, False]
    assert rows[2].split() == ["over", "3.00", "ms", "1.00", "ms", "3.00x", "2x", "MISSED"]
    assert rows[4].split() == ["no", "baseline", "0.25", "s"]
    assert summary.splitlines() == ["1 of 2 targets missed:", "  over: 3.00x, target 2x"]
    assert summary_of(rows[1:]) == summary.splitlines()  # what the table test expects
    assert figures.summary([within]) == "all 1 targets met"
    assert figures.Figure.from_json(missed.as_json()) == missed


def test_the_runner_closes_with_the_targets_missed_and_the_benchmarks_that_failed() -> None:
    run_all = load_module("run_all")
    figure = run_all.Figure
    within = figure("within", 1.5, "ms", 1.0, 2.0)
    over = figure("over", 3.0, "ms", 1.0, 2.0)

    assert run_all.closing_lines([within], []) == ["all 1 targets met"]
    assert run_all.closing_lines([within, over], ["review", "startup"]) == [
        "1 of 2 targets missed:",
        "  over: 3.00x, target 2x",
        "failed to run: review, startup",
    ]
    assert run_all.closing_lines([], ["review"]) == ["all 0 targets met", "failed to run: review"]


@pytest.mark.postgres
def test_postgres_is_measured_in_a_scratch_database_it_drops() -> None:
    server = os.environ.get("LIVEPLANNER_TEST_POSTGRES_URL")
    if not server:
        pytest.skip("LIVEPLANNER_TEST_POSTGRES_URL is not set")
    url = make_url(server)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    engine = create_engine(url)

    def scratch_databases() -> set[str]:
        with engine.connect() as conn:
            query = "SELECT datname FROM pg_database WHERE datname LIKE 'liveplanner_bench_%'"
            return set(conn.execute(text(query)).scalars())

    before = scratch_databases()
    result = run("edit_write.py", "--json", "--postgres", server)
    after = scratch_databases()
    engine.dispose()

    assert result.returncode == 0, result.stderr
    names = [entry["name"] for entry in json.loads(result.stdout)]
    assert sum(name.startswith("edit write, PostgreSQL:") for name in names) == 3
    assert after <= before


@pytest.mark.postgres
def test_the_comparison_of_a_history_is_measured_in_a_scratch_database_it_drops() -> None:
    server = os.environ.get("LIVEPLANNER_TEST_POSTGRES_URL")
    if not server:
        pytest.skip("LIVEPLANNER_TEST_POSTGRES_URL is not set")
    result = run("comparison_scale.py", "--json", "--postgres", server)

    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert [f["unit"] for f in figures] == ["s", "MB"]
    assert all(set(f) == KEYS and f["baseline"] for f in figures)
    assert "20 shows" in figures[0]["name"]


def test_without_a_server_the_comparison_of_a_history_measures_nothing() -> None:
    result = run("comparison_scale.py", "--json")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert "no PostgreSQL server" in result.stderr


def test_the_advice_backtest_reports_its_errors_against_the_naive_baseline() -> None:
    result = run("advice_backtest.py", "--json")

    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert [f["unit"] for f in figures] == ["yuan", "yuan", "%"]
    for error in figures[:2]:
        assert set(error) == KEYS
        assert isinstance(error["value"], float) and error["value"] > 0
        assert isinstance(error["baseline"], float) and error["baseline"] > 0
        assert error["ratio"] == pytest.approx(error["value"] / error["baseline"])
        assert error["target"] == 0.75
    assert "show GMV" in figures[0]["name"] and "segment GMV" in figures[1]["name"]
    assert 0 <= figures[2]["value"] <= 100 and figures[2]["baseline"] is None
    assert "8 shows, 8 projected" in result.stderr
