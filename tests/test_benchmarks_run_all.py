"""benchmarks/run_all.py's machinery at smoke sizes: its JSON, its table, the scratch PostgreSQL
database; never the timings themselves."""

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
KEYS = {"name", "value", "unit", "baseline", "ratio", "target"}


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(BENCHMARKS / script), "--smoke", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


def load_figures_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("figures", BENCHMARKS / "figures.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_benchmark_reports_figures_as_json() -> None:
    result = run("run_all.py", "--json")

    assert result.returncode == 0, result.stderr  # 1 would mean a benchmark failed to run
    entries = json.loads(result.stdout)  # stdout holds the JSON list and nothing else
    assert len(entries) >= 7
    assert len({e["name"] for e in entries}) == len(entries)
    for entry in entries:
        assert set(entry) == KEYS, entry
        assert isinstance(entry["name"], str) and entry["name"]
        assert entry["unit"] in {"ms", "s"}
        assert entry["value"] >= 0
        if entry["baseline"] is None:
            assert entry["ratio"] is None and entry["target"] is None, entry
        else:
            assert entry["ratio"] == pytest.approx(entry["value"] / entry["baseline"])
        assert entry["target"] is None or entry["target"] > 0
    assert any(e["target"] is not None for e in entries)


def test_the_table_has_a_row_per_figure_and_a_summary() -> None:
    result = run("run_all.py", "--only", "edit_write")

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["figure", "value", "baseline", "ratio", "target"]
    assert [line.split(":")[0] for line in lines[1:4]] == ["edit write, SQLite"] * 3
    assert "targets" in lines[-1]


def test_a_missed_target_is_marked_and_named() -> None:
    figures = load_figures_module()
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
    assert figures.summary([within]) == "all 1 targets met"
    assert figures.Figure.from_json(missed.as_json()) == missed


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
