"""The command line speaks its user's language: the saved preference, else the system's locale,
the same rule as the window's; JSON stays the same in every language."""

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from test_cli import run

from liveplanner.app import settings
from liveplanner.app.language import file_language, system_language, user_language
from liveplanner.formats.runsheet.columns import HEADERS, Field

CHINESE = {"LANG": "zh_CN.UTF-8"}


@pytest.mark.parametrize(
    ("variables", "language"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "zh_TW.UTF-8"}, "zh_CN"),  # the Chinese liveplanner ships
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),  # LC_ALL overrides LANG
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "zh_CN:en"}, "zh_CN"),  # the first preference
    ],
)
def test_the_system_language_follows_the_locale_variables(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], language: str
) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert system_language() == language
    assert user_language(settings.Preferences(language="system")) == language


def test_a_saved_language_wins_over_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert user_language(settings.Preferences(language="en")) == "en"
    assert file_language(settings.Preferences(language="en")) == "en"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert user_language(settings.Preferences(language="zh_CN")) == "zh_CN"
    assert file_language(settings.Preferences(language="zh_CN")) == "zh"


def test_a_chinese_user_reads_chinese_lines_and_the_same_json(sqlite_url: str) -> None:
    added = run("demo", db=sqlite_url, env=CHINESE)
    assert added.stdout == "已添加示例直播，第 1 场\n"
    listed = run("shows", db=sqlite_url, env=CHINESE).stdout
    assert listed.splitlines()[0].split() == [
        "编号",
        "开始",
        "平台",
        "状态",
        "环节数",
        "时长",
        "标题",
    ]
    checked = run("check", "1", db=sqlite_url, env=CHINESE)
    assert checked.returncode == 0
    assert checked.stdout.startswith("警告    ")
    assert checked.stdout.splitlines()[-1] == "0 个错误，4 个警告"
    reviewed = run("review", "1", db=sqlite_url, env=CHINESE).stdout
    assert (
        "成交计入讲解后 2 分钟" in reviewed
        and "  目标 gmv：1,500,000 -> 984,687（未达成）" in reviewed
    )
    for command in (["shows"], ["check", "1"], ["runs", "1"], ["review", "1"], ["show", "1"]):
        chinese = run(*command, "--json", db=sqlite_url, env=CHINESE).stdout
        english = run(*command, "--json", db=sqlite_url).stdout
        assert chinese == english and json.loads(chinese)


def test_a_chinese_user_is_refused_in_chinese(sqlite_url: str) -> None:
    refused = run(
        "new-show", "--title", " ", "--start", "2026-12-12 20:00", db=sqlite_url, env=CHINESE
    )
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr == "liveplanner: --title 为空；请给直播起个名字\n"
    zone = run(
        "new-show",
        "--title",
        "t",
        "--start",
        "2026-12-12 20:00",
        "--tz",
        "Mars/Base",
        db=sqlite_url,
        env=CHINESE,
    )
    assert zone.stderr == "liveplanner: 未知时区 'Mars/Base'；应为 Asia/Shanghai 这样的名称\n"
    assert run("db", "check", db=sqlite_url, env=CHINESE).stdout == "正常\n"
    lag = run("review", "1", "--lag", "99", db=sqlite_url, env=CHINESE)
    assert lag.returncode == 2 and "--lag 须为 0 到" in lag.stderr


def test_a_saved_preference_makes_the_command_line_chinese(sqlite_url: str) -> None:
    settings.save_preferences(settings.Preferences(language="zh_CN"))
    assert run("shows", db=sqlite_url).stdout.startswith("还没有直播")
    settings.save_preferences(settings.Preferences(language="en"))
    assert run("shows", db=sqlite_url, env=CHINESE).stdout.startswith("no shows yet")


def test_an_exported_run_sheet_is_in_the_users_language(sqlite_url: str, tmp_path: Path) -> None:
    run("demo", db=sqlite_url)
    for env, language in ((CHINESE, "zh"), ({"LANG": "en_GB.UTF-8"}, "en")):
        out = tmp_path / f"{language}.xlsx"
        assert run("export-script", "1", "--out", str(out), db=sqlite_url, env=env).returncode == 0
        sheet = load_workbook(out, read_only=True).worksheets[0]
        cells = {str(c.value) for row in sheet.iter_rows(max_row=10) for c in row if c.value}
        assert HEADERS[language][Field.TITLE] in cells, (language, cells)


def test_the_window_chooses_chinese_by_the_same_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    from liveplanner.ui.translators import locale_for

    monkeypatch.setenv("LANG", "zh_TW.UTF-8")  # Qt alone finds no translation for it
    assert locale_for("system").name() == "zh_CN"
    assert locale_for("en").name().startswith("en")
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert locale_for("zh_CN").name() == "zh_CN"
