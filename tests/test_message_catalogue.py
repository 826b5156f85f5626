"""The one catalogue (app/messages), without Qt: every code has its Chinese with no English
sentence left in it, its English holds no Chinese, and what core, storage and the limit checks
refuse is worded in Chinese by the command line's translator (app.translations)."""

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date, datetime
from importlib.resources import files
from pathlib import Path

import pandas as pd
import pytest

from liveplanner.app.demo import create_demo, demo_plan
from liveplanner.app.messages import CONTEXT, TEXTS, word
from liveplanner.app.messages.findings import finding_words
from liveplanner.app.messages.imports import import_problem_words, sheet_problem_words
from liveplanner.app.translations import translator
from liveplanner.core.enums import NoteCategory
from liveplanner.core.inputs import (
    check_segment_count,
    check_segment_length,
    check_show_time,
    parse_count,
    parse_money,
    parse_offset,
    parse_percent,
    parse_segment_duration,
)
from liveplanner.core.metrics import metric
from liveplanner.core.money import percent_to_bp, yuan_to_fen
from liveplanner.core.plan import Product, time_zone
from liveplanner.core.refused import Refused
from liveplanner.core.review import review
from liveplanner.core.rules import check
from liveplanner.formats.metrics.reader import read_metrics
from liveplanner.formats.metrics.records import ImportOptions
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.showfile.reader import read_show_file
from liveplanner.storage import notes, parts, segments, shows
from liveplanner.storage.database import Database
from liveplanner.storage.errors import StorageError

CHINESE = translator("zh_CN")
PLACEHOLDER = re.compile(r"\{\w+(?:![rsa])?(?::[^}]*)?\}")
# English a Chinese message keeps: formats' and programs' names, a command to type, a zone's
# name, megabytes, and a header an English export writes (Time).
KEPT = {"JSON", "Excel", "CSV", "XLSX", "null", "liveplanner", "CREATE", "DATABASE", "Asia"}
KEPT |= {"Shanghai", "MB", "Time", "UTF", "GBK"}  # and encodings, as written
# Programs and URL schemes, named as they are written: SQLite, PostgreSQL, sqlite:///, postgres.
KEPT |= {"SQLite", "PostgreSQL", "sqlite", "postgresql", "postgres"}
# A command to type as it is written.
KEPT |= {
    "pip",
    "install",
    "cumulative",
}  # typed as written: `pip install`, `--map H=gmv:cumulative`
# Programs, a file and a setting named as they are written.
KEPT |= {
    "GNOME",
    "Keyring",
    "KWallet",
    "Secret",
    "Service",
    "Linux",
    "pgpass",
    "LIVEPLANNER",
    "URL",
}
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff01-\uff5e]")


def english_words(text: str, *user_data: str) -> list[str]:
    """The English words of `text` but its placeholders and the user's own data in it."""
    rest = PLACEHOLDER.sub("", text)
    for data in user_data:
        rest = rest.replace(data, "")
    # A file's extension (.xlsx) and JSON to write ("format": "liveplanner.show") stay as typed.
    rest = re.sub(r"\.\w+|\"[^\"]*\"", "", rest)
    rest = re.sub(r"--[\w-]+", "", rest)  # a command line's option, typed as it is written
    return [w for w in re.findall(r"[A-Za-z]{2,}", rest) if w not in KEPT]


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_every_code_has_a_chinese_text_with_no_english_words(code: str) -> None:
    english = TEXTS[code]
    chinese = CHINESE(CONTEXT, english)
    assert chinese != english, f"{code} has no Chinese"
    assert english_words(chinese) == [], chinese
    # A translation may leave a figure out (an English field name), never add one it lacks.
    assert set(PLACEHOLDER.findall(chinese)) <= set(PLACEHOLDER.findall(english))


# Chinese an English text keeps: the headers a Chinese run sheet or export writes, which the
# user is asked to look for in the file.
HEADERS = ("序号", "时间", "时长", "环节", "商品")


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_the_english_of_every_code_holds_no_chinese(code: str) -> None:
    english = TEXTS[code]
    for header in HEADERS:
        english = english.replace(header, "")
    assert not CJK.search(english), TEXTS[code]


def test_the_english_catalogue_translates_nothing_but_plurals() -> None:
    """English is the source language: an English window shows the source, never a Chinese
    text a translator left in the English file."""
    path = files("liveplanner.resources").joinpath("translations/liveplanner_en.ts")
    for message in ET.fromstring(path.read_bytes()).iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        forms = [form.text or "" for form in translation.findall("numerusform")]
        if message.get("numerus") == "yes":
            assert forms and not any(CJK.search(form) for form in forms), source
        else:
            assert translation.text in (None, "", source), source


REFUSALS: list[tuple[Callable[[], object], str, str]] = [
    (lambda: parse_money("十九块"), "input.not_money", "不是以元计的金额"),
    (lambda: parse_money("12.345"), "input.money_decimals", "超过两位小数"),
    (lambda: parse_count("很多"), "input.not_count", "不是整数"),
    (lambda: parse_percent("六成"), "input.not_percent", "不是百分比"),
    (lambda: parse_percent("120"), "input.percent_range", "0 到 100"),
    (lambda: parse_segment_duration("半小时"), "input.not_duration", "不是时长"),
    (lambda: parse_segment_duration("5:75"), "input.duration_sixty", "小于 60"),
    (lambda: parse_segment_duration("99999:00"), "input.length_over_day", "超过一天"),
    (lambda: parse_offset("90000"), "input.offset_over_day", "超过一天"),
    (lambda: parse_offset("30秒"), "input.not_duration", "不是时长"),
    (lambda: check_show_time(datetime(9999, 12, 31, 20)), "input.show_time_years", "2099"),
    (lambda: check_segment_length(90_000), "input.segment_length", "86400"),
    (lambda: check_segment_count(1_500), "input.segment_count", "1500"),
    (lambda: time_zone("Mars/Base"), "input.unknown_zone", "不是时区"),
    (lambda: yuan_to_fen("abc"), "input.not_money", "不是以元计的金额"),
    (lambda: percent_to_bp("x"), "input.not_percent", "不是百分比"),
    (lambda: metric("gvm"), "input.unknown_metric", "不是 liveplanner 认识的指标"),
    (lambda: review(demo_plan(), [], pd.DataFrame(), lag=99), "input.lag_range", "0 到 30 分钟"),
]


@pytest.mark.parametrize(("refuse", "code", "said"), REFUSALS)
def test_core_refusals_are_worded_in_chinese_without_qt(
    refuse: Callable[[], object], code: str, said: str
) -> None:
    with pytest.raises(Refused) as refused:
        refuse()
    assert isinstance(refused.value, ValueError)  # callers catching ValueError keep working
    assert refused.value.code == code
    message = word(code, refused.value.figures, CHINESE)
    assert said in message
    assert english_words(message, *map(str, refused.value.figures.values())) == []


@pytest.fixture
def db(sqlite_db: Database) -> Database:
    """The shared SQLite database (conftest): these words need no second engine."""
    return sqlite_db


def test_storage_refusals_carry_a_code_worded_in_chinese(db: Database) -> None:
    show_id = create_demo(db)
    shows.unlock_script(db, show_id)
    plan = shows.load_plan(db, show_id)
    first, product = plan.segments[0], plan.products[0]
    refusals: list[tuple[Callable[[], object], str, str]] = [
        (lambda: shows.load_plan(db, 999), "storage.no_show", "没有编号为 999 的直播"),
        (
            lambda: shows.update_show(db, show_id, plan.show.version, title=""),
            "storage.title_length",
            "1 到 200",
        ),
        (
            lambda: segments.update_segment(db, first.id, first.version + 1, title="x"),
            "storage.stale",
            "已被他人修改",
        ),
        (
            lambda: segments.update_segment(db, first.id, first.version, title="长" * 201),
            "storage.too_long",
            "最多只能 200",
        ),
        (
            lambda: parts.update_part(db, Product, product.id, product.version, stock=-1),
            "storage.negative",
            "不能为负数",
        ),
        (
            lambda: parts.update_part(db, Product, product.id, product.version, stock=10**20),
            "storage.too_large",
            "太大",
        ),
        (
            lambda: notes.add_note(db, show_id, NoteCategory.OTHER, " "),
            "storage.note_empty",
            "请填写备注内容",
        ),
        (
            lambda: segments.update_segment(db, first.id, first.version, duration_s=90_000),
            "input.segment_length",
            "86400",
        ),
    ]
    for refuse, code, said in refusals:
        with pytest.raises(StorageError) as refused:
            refuse()
        assert refused.value.code == code, str(refused.value)
        message = word(code, refused.value.figures, CHINESE)
        assert said in message, message
        assert english_words(message) == [], message
        # The English is what the log always had: the catalogue's English is storage's words.
        if code.startswith("storage."):
            assert word(code, refused.value.figures) == str(refused.value)


def test_the_demo_findings_are_worded_in_chinese_without_qt(db: Database) -> None:
    plan = shows.load_plan(db, create_demo(db))
    findings = check(plan)
    assert findings
    names = [p.name for p in plan.products] + [p.name for p in plan.promos]
    names += [s.title for s in plan.segments] + [m.name for m in plan.people]
    for finding in findings:
        message = finding_words(finding, CHINESE)
        assert english_words(message, *names) == [], message
        assert finding_words(finding, lambda _c, source: source) != message


HOSTILE = Path(__file__).parent / "fixtures" / "hostile"


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("metrics_json_object_cell.json", "单元格里是对象 {…}"),
        ("metrics_truncated.xlsx", "（文件不完整或已损坏）"),
        ("metrics_negative_gmv.csv", "成交金额不会是负数"),
    ],
)
def test_an_export_s_refusal_is_worded_in_chinese_without_qt(name: str, said: str) -> None:
    options = ImportOptions(zone=time_zone("Asia/Shanghai"), default_day=date(2026, 11, 11))
    with pytest.raises(ImportRefused) as refused:
        read_metrics((HOSTILE / name).read_bytes(), name, options)
    message = import_problem_words(refused.value.problem, CHINESE)
    assert said in message
    quoted = re.findall(r"“[^”]*”", message)  # the file's own headers and cells
    assert english_words(message, name, *quoted) == [], message


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("showfile_nested_20000.json", "嵌套数百层的列表或对象，应为 最多嵌套 8 层的列表和对象"),
        ("showfile_starts_9999_12_31.json", "应为 2000 至 2099 年之间的时间"),
    ],
)
def test_a_show_file_s_refusal_is_worded_in_chinese_without_qt(name: str, said: str) -> None:
    with pytest.raises(ImportRefused) as refused:
        read_show_file((HOSTILE / name).read_bytes(), name)
    problem = refused.value.problem
    message = sheet_problem_words(problem, CHINESE)
    assert said in message
    path = str(problem.params["path"])  # a field's name, as the file writes it
    assert english_words(message, name, *([path] if "." in path else [])) == [], message


# The trade's own words an English window shows on purpose: the headers a Chinese sheet writes,
# Chinese numbers an export holds (1.2万, 5分30秒), the trade's name and the chart's legend marks.
TRADE_WORDS = ("直播带货", "双12", *HEADERS, "万", "亿", "分", "秒", "券", "抽")


def test_an_english_window_shows_no_chinese_but_the_trade_s_own_words() -> None:
    """English is the source: every text of the window (all contexts) holds no Chinese beyond
    the listed trade words, so Chinese reaches an English window only as the user's data."""
    path = files("liveplanner.resources").joinpath("translations/liveplanner_en.ts")
    for message in ET.fromstring(path.read_bytes()).iter("message"):
        source = message.findtext("source") or ""
        for trade_word in TRADE_WORDS:
            source = source.replace(trade_word, "")
        assert not CJK.search(source), message.findtext("source")


def test_every_importer_refusal_and_notice_is_in_the_catalogue() -> None:
    """formats/ gives a code for each refusal or notice of an import; the catalogue words each
    one (else a Chinese user would read the log's English, or the window would fail on it)."""
    from liveplanner.formats.problems import MESSAGES

    unworded = [
        code for code in MESSAGES if f"import.{code}" not in TEXTS and f"sheet.{code}" not in TEXTS
    ]
    assert unworded == []


def _raised_without_a_worded_code() -> list[str]:
    """Every refusal that core/, storage/ and app/ raise (a StorageError of any kind, a core or
    app Refused), read from their source: those with no code, or a code the catalogue lacks."""
    import ast
    from pathlib import Path

    import liveplanner
    from liveplanner.storage import errors

    refusals = {
        name
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, errors.StorageError)
    } | {"Refused", "OperationRefused"}
    # These word themselves: their __init__ gives the code from what it is told.
    coding_themselves = {"OtherTablesError", "ScriptLockedError"}
    root = Path(liveplanner.__file__).parent
    found = []
    for layer in ("core", "storage", "app"):
        for path in sorted((root / layer).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                call = node.exc if isinstance(node, ast.Raise) else None
                if not isinstance(call, ast.Call):
                    continue
                func = call.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
                if name not in refusals or name in coding_themselves:
                    continue
                code = next((k.value for k in call.keywords if k.arg == "code"), None)
                if code is None and name == "Refused" and len(call.args) >= 2:
                    code = call.args[1]  # core's Refused(english, code, **figures)
                where = f"{path.relative_to(root)}:{node.lineno} {name}"
                if code is None:
                    found.append(f"{where} has no code")
                elif isinstance(code, ast.Constant) and code.value not in TEXTS:
                    found.append(f"{where}: {code.value!r} is not in the catalogue")
    return found


def test_every_refusal_raised_below_the_front_ends_has_a_worded_code() -> None:
    """No refusal reaches a window or the command line as storage's or the core's English: each
    one raised carries a code the catalogue words (and so translates)."""
    assert _raised_without_a_worded_code() == []
