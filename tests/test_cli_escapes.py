"""User text reaches the terminal with its control characters shown, not obeyed: a title cannot
clear the screen, retitle the window, fake a link or turn text around (`liveplanner.cli.main`
in-process, as each command prints it)."""

import json
import re
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from liveplanner.app.demo import create_demo
from liveplanner.app.workspace import open_database
from liveplanner.cli import output
from liveplanner.cli.main import main
from liveplanner.cli.output import width as _width
from liveplanner.storage.shows import load_plan, save_plan

CLEAR = "\x1b[2J"
RETITLE = "\x1b]0;pwned\x07"
LINK = "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07"
CSI_C1 = "\x9b31m"  # a C1 control: CSI on terminals that read 8-bit controls
FLIP = "\u202etxt.exe"  # a right-to-left override
HOSTILE = CLEAR + RETITLE + LINK + CSI_C1 + FLIP + "\u200b\u2028"
# Anything a terminal obeys or that hides itself: C0/C1 controls, DEL, bidi and format characters.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _hidden(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp") and char != "\u200d"


@pytest.fixture
def hostile_show(sqlite_url: str) -> tuple[str, int]:
    """The demo with every user-entered text of the plan carrying the hostile characters."""
    db = open_database(sqlite_url)
    try:
        plan = load_plan(db, create_demo(db))
        show_id = save_plan(
            db,
            replace(
                plan,
                show=replace(plan.show, title="双11 " + HOSTILE, room=HOSTILE),
                segments=tuple(replace(s, title=f"{s.title}{HOSTILE}") for s in plan.segments),
                products=tuple(replace(p, name=p.name + CLEAR) for p in plan.products),
                people=tuple(replace(p, name=p.name + FLIP) for p in plan.people),
            ),
        )
    finally:
        db.close()
    return sqlite_url, show_id


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    "command",
    [["shows"], ["show", "{id}"], ["runs", "{id}"], ["check", "{id}"], ["review", "{id}"]],
    ids=["shows", "show", "runs", "check", "review"],
)
def test_a_hostile_title_is_printed_escaped_by_every_text_command(
    hostile_show: tuple[str, int], capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    url, show_id = hostile_show
    argv = [part.format(id=show_id) for part in command]

    status, out, err = cli(capsys, "--database", url, *argv)

    assert status == 0, err
    assert not RAW.search(out + err)
    assert "\\x1b[2J" in out  # the title is printed, escaped (a show with no run says so with it)
    assert re.search("[\u4e00-\u9fff]", out)  # Chinese stays as it is


def test_the_script_shows_every_name_escaped_and_keeps_its_columns(
    hostile_show: tuple[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    url, show_id = hostile_show

    _, out, _ = cli(capsys, "--database", url, "show", str(show_id))

    assert "\\u202etxt.exe" in out and "\\x9b31m" in out and "\\u2028" in out
    header, *rows = out.splitlines()[3:-2]
    # Every row's price and host start under their headers, whatever the cells before them held.
    prices = [_from_column(row, _width(header[: header.index("price")])) for row in rows]
    hosts = [_from_column(row, _width(header[: header.index("host")])) for row in rows]
    assert sum(price[:1].isdigit() for price in prices) >= 3  # the rows with a product
    assert all(price[:1] in " 0123456789" for price in prices)
    assert all(host.startswith("林晓\\u202") for host in hosts)  # cut to the column's width


def _from_column(line: str, column: int) -> str:
    """What `line` shows from display column `column` on."""
    width = 0
    for i, char in enumerate(line):
        if width == column:
            return line[i:]
        width += _width(char)
    return ""


def test_json_output_carries_the_text_exactly_but_no_raw_control(
    hostile_show: tuple[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    url, show_id = hostile_show

    status, out, _ = cli(capsys, "--database", url, "show", str(show_id), "--json")

    assert status == 0
    assert not RAW.search(out)
    data = json.loads(out)
    assert data["title"] == "双11 " + HOSTILE  # the data is the same, only written as escapes
    assert data["segments"][0]["title"].endswith(HOSTILE)


def test_a_run_sheet_with_hostile_cells_is_reported_escaped(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "环节,时长,商品,备注,奇怪列\n"
        f"开场{CLEAR},5,,{RETITLE},{LINK}\n"
        f'讲解{FLIP},10,,"line one\nline two",x\n',
        encoding="utf-8",
    )
    title = "run " + RETITLE

    status, out, err = cli(
        capsys, "--database", sqlite_url, "import-script", str(sheet), "--title", title
    )

    assert status == 0, err
    assert not RAW.search(out + err)
    assert "run \\x1b]0;pwned\\x07" in out


def test_an_error_quoting_a_hostile_file_name_is_one_escaped_line(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = tmp_path / f"export{CLEAR}\n{FLIP}.csv"  # no such file

    status, out, err = cli(
        capsys, "--database", sqlite_url, "import-metrics", str(name), "--show", "1"
    )

    assert status == 2
    assert out == "" and err.count("\n") == 1 and err.startswith("liveplanner: ")
    assert not RAW.search(err)


def test_an_unknown_argument_is_quoted_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["shows", CLEAR + RETITLE])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and "\\x1b[2J" in err and not RAW.search(err)


def test_visible_escapes_exactly_the_hidden_characters() -> None:
    # Every code point: escaped when a terminal would obey or hide it, left alone otherwise. Code
    # points this Python's Unicode does not know yet (Cn) may be format characters of a newer one.
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        escaped = output.visible(char) != char
        assert escaped == _hidden(char) or unicodedata.category(char) == "Cn", hex(code)


def test_chinese_emoji_and_punctuation_pass_untouched() -> None:
    text = "双11 全场五折！　👨‍👩‍👧 🏴󠁧󠁢󠁳󠁣󠁴󠁿 café (5% off) C:\\shows"
    assert output.visible(text) == text
    assert output.visible_lines("a\nb") == "a\nb"
    assert output.visible("a\nb\tc") == "a\\nb\\tc"


def test_json_text_reads_back_as_the_same_data() -> None:
    data = {"t": "a" + HOSTILE + "\U000e0001\ud800 双11"}
    text = output.json_text(data)
    assert not RAW.search(text) and "双11" in text
    assert json.loads(text) == data
