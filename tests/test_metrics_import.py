"""Platform exports as they come, one quirk per test: read into per-minute samples, or refused
with the file, the row a spreadsheet shows, the column and the value."""

import contextlib
import io
import json
import zipfile
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liveplanner.core.metrics import METRICS, MetricKind
from liveplanner.formats.metrics.presets import ColumnRule, InstantRule
from liveplanner.formats.metrics.reader import read_metrics
from liveplanner.formats.metrics.records import ImportOptions, MetricsImport
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.sheets import MAX_BYTES

SHANGHAI = ZoneInfo("Asia/Shanghai")
OPTIONS_FIELDS = {"zone": SHANGHAI, "default_day": date(2025, 11, 11)}
SAMPLES = Path(__file__).resolve().parent / "fixtures" / "external"

HEADER = "时间,实时在线人数,进入直播间人数,成交金额(元),成交订单数,评论次数"
ROWS = [
    "2025-11-11 20:00,1200,300,0,0,15",
    "2025-11-11 20:01,1500,280,1234.50,12,22",
    '2025-11-11 20:02,1.2万,250,"2,000",8,-',
]


def csv_bytes(*lines: str, encoding: str = "utf-8") -> bytes:
    return "\r\n".join(lines).encode(encoding)


def read(data: bytes, name: str = "export.csv", **options: object) -> MetricsImport:
    return read_metrics(data, name, ImportOptions(**{**OPTIONS_FIELDS, **options}))


def values(result: MetricsImport, metric: str) -> list[int]:
    rows = result.samples[result.samples["metric"] == metric]
    return rows.sort_values("minute")["value"].tolist()


def refused(data: bytes, name: str = "export.csv", **options: object) -> str:
    with pytest.raises(ImportRefused) as caught:
        read(data, name, **options)
    return str(caught.value)


# --- reading -------------------------------------------------------------------------------


def test_a_compass_export_in_utf8_is_read_into_minutes_in_stored_units() -> None:
    result = read(csv_bytes(HEADER, *ROWS))
    assert result.encoding == "UTF-8"
    assert result.preset is not None and result.preset.name == "douyin-compass"
    assert result.rows_read == 3 and result.minutes == 3
    assert values(result, "online_viewers") == [1200, 1500, 12000]
    assert values(result, "gmv") == [0, 123450, 200000]  # fen
    assert values(result, "comments") == [15, 22]  # "-" is missing, not zero
    assert result.start == datetime(2025, 11, 11, 20, 0)
    assert result.end == datetime(2025, 11, 11, 20, 2)
    assert result.samples["minute"].iloc[0] == datetime(2025, 11, 11, 20, 0, tzinfo=SHANGHAI)
    assert result.summaries["gmv"].total == 323450
    assert result.summaries["online_viewers"].total is None
    assert result.summaries["online_viewers"].peak == 12000
    assert result.summaries["online_viewers"].peak_at == datetime(2025, 11, 11, 20, 2)
    assert [w.code for w in result.warnings] == ["missing_values"]


@pytest.mark.parametrize(
    ("encoding", "name"),
    [
        ("utf-8-sig", "UTF-8 with BOM"),
        ("gb18030", "GB18030 (GBK)"),
        ("gbk", "GB18030 (GBK)"),
    ],
)
def test_every_encoding_platforms_write_gives_the_same_numbers(encoding: str, name: str) -> None:
    result = read(csv_bytes(HEADER, *ROWS, encoding=encoding))
    assert result.encoding == name
    assert values(result, "gmv") == [0, 123450, 200000]


def test_utf16_tab_separated_as_excel_saves_unicode_text() -> None:
    lines = [line.replace(",", "\t").replace('"2\t000"', "2000") for line in [HEADER, *ROWS]]
    result = read(csv_bytes(*lines, encoding="utf-16"), "export.txt")
    assert result.encoding == "UTF-16 LE"
    assert values(result, "gmv") == [0, 123450, 200000]


def test_the_header_is_found_under_title_rows_and_rows_keep_their_spreadsheet_numbers() -> None:
    data = csv_bytes(
        "直播间分钟数据", "导出时间：2025-11-12 10:00", "", HEADER, *ROWS[:2], "x,1,1,1,1,1"
    )
    assert result_header(data) == 4
    assert "row 7, column “时间”: “x” is not a time" in refused(data)


def result_header(data: bytes) -> int:
    with pytest.raises(ImportRefused):
        read(data)
    return read(data.rsplit(b"\r\n", 1)[0]).header_row


def test_total_rows_are_dropped_and_checked_against_the_sums() -> None:
    good = read(csv_bytes(HEADER, *ROWS, '合计,-,830,"3,234.50",20,37'))
    assert good.rows_read == 3 and good.warnings[0].code == "missing_values"
    assert all(w.code != "total_row_differs" for w in good.warnings)
    off = read(csv_bytes(HEADER, *ROWS, "总计,,830,3300,20,37"))
    differs = [w for w in off.warnings if w.code == "total_row_differs"]
    assert [w.message for w in differs] == [
        "total row 5, column “成交金额(元)”: 3300, but the rows add up to 3234.50 (2.0% apart)"
    ]


def test_a_total_row_within_half_a_percent_is_rounding_not_a_warning() -> None:
    result = read(csv_bytes(HEADER, *ROWS, "汇总,,831,3234.5,20,37"))
    assert all(w.code != "total_row_differs" for w in result.warnings)


def test_an_xlsx_with_title_rows_serial_times_and_percent_cells(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["淘宝直播 · 分钟数据"])
    sheet.append([])
    sheet.append(
        ["时间", "在线人数", "观看次数", "观看人数", "成交金额", "成交笔数", "成交人数", "转化率"]
    )
    sheet.append([datetime(2025, 11, 11, 20, 0), 800, 1000, 700, 99.5, 1, 1, 0.012])
    sheet.append([45972.8340277778, "1.5w", 1200, 900, "¥1,099", 11, 10, "1.2%"])
    sheet.append(["合计", None, 2200, 1600, 1198.5, 12, 11, None])
    out = io.BytesIO()
    book.save(out)
    result = read(out.getvalue(), "taobao.xlsx")
    assert result.encoding == "XLSX" and result.header_row == 3
    assert result.preset is not None and result.preset.name == "taobao-live"
    assert values(result, "online_viewers") == [800, 15000]
    assert values(result, "gmv") == [9950, 109900]
    assert result.end == datetime(2025, 11, 11, 20, 1)
    unread = [w for w in result.warnings if w.code == "unread_columns"]
    assert unread[0].params == {"columns": "转化率"}


def test_the_public_douyin_gmv_export_totals_2001_yuan() -> None:
    path = SAMPLES / "douyin-live-gmv-export_m2_reference_final.csv"
    result = read(path.read_bytes(), path.name, default_day=None)
    assert result.preset is not None and result.preset.name == "douyin-gmv-minute"
    assert result.rows_read == 61 and result.minutes == 61
    assert result.summaries["gmv"].total == 2001_00
    assert result.start == datetime(2025, 7, 1, 19, 0)  # the year from session_date
    assert values(result, "gmv")[:3] == [0, 4400, 5200]  # zero minutes kept as zero


def test_the_public_minute_trend_payload_maps_its_counts() -> None:
    path = SAMPLES / "douyin-live-review-probe_minute_trend.mock.json"
    result = read(path.read_bytes(), path.name)
    assert result.encoding == "JSON (UTF-8)"
    assert result.preset is not None and result.preset.name == "douyin-minute-trend"
    assert values(result, "entries") == [20, 21, 22]
    assert values(result, "online_viewers") == [12, 12, 12]
    assert values(result, "new_followers") == [1, 1]  # absent in the first record
    assert [w.message for w in result.warnings] == [
        "column “followUcnt”: 1 cell is empty or “-”, left empty (not zero)",
        "columns not imported: showCnt",
    ]


# --- time ------------------------------------------------------------------------------------


def test_time_only_rows_take_the_show_date_and_cross_midnight() -> None:
    data = csv_bytes("时间,成交订单数", "23:59,1", "00:00,2", "00:01,3")
    result = read(data)
    assert result.start == datetime(2025, 11, 11, 23, 59)
    assert result.end == datetime(2025, 11, 12, 0, 1)


def test_the_given_date_wins_over_the_show_date() -> None:
    data = csv_bytes("时间,成交订单数", "20:00,1")
    assert read(data, day=date(2025, 12, 12)).start == datetime(2025, 12, 12, 20, 0)


def test_times_without_a_date_and_no_date_given_ask_for_one() -> None:
    message = refused(csv_bytes("时间,成交订单数", "20:00,1"), default_day=None)
    assert message == (
        "export.csv, row 2, column “时间”: “20:00” has no date; give the show's date "
        "(--date YYYY-MM-DD)"
    )


def test_the_files_clock_is_read_in_the_zone_given() -> None:
    data = csv_bytes("Time,Orders", "2025-11-11 07:00,1")
    result = read(data, zone=ZoneInfo("America/Los_Angeles"))
    assert result.samples["minute"].iloc[0] == datetime(2025, 11, 11, 15, 0, tzinfo=ZoneInfo("UTC"))


def test_time_running_backwards_is_refused_naming_both_rows() -> None:
    data = csv_bytes("时间,成交订单数", "2025-11-11 20:05,1", "2025-11-11 20:03,2")
    assert refused(data) == (
        "export.csv, row 3: 2025-11-11 20:03 comes before 2025-11-11 20:05 in row 2; "
        "the time runs backwards"
    )


# --- numbers and refusals ----------------------------------------------------------------------


def test_a_percentage_in_a_count_or_money_column_is_refused_not_read_as_a_fraction() -> None:
    # "50%" read as 0.5 would have been one order (rounded half up), silently.
    data = csv_bytes(HEADER, ROWS[0], "2025-11-11 20:01,1500,280,12.5,50%,22")
    assert refused(data, "douyin.csv") == (
        "douyin.csv, row 3, column “成交订单数”: “50%” is a percentage; a minute's orders is a "
        "count or an amount, not a share"
    )


def test_a_value_that_is_not_a_number_names_file_row_column_and_value() -> None:
    data = csv_bytes(HEADER, ROWS[0], "2025-11-11 20:01,1500,280,12..5,12,22")
    assert refused(data, "douyin.csv") == (
        "douyin.csv, row 3, column “成交金额(元)”: “12..5” is not a number; expected such as "
        "1234, 1,234.5, 1.2万, 3.5亿 or ¥99"
    )


def test_a_time_no_show_can_have_is_refused_with_its_cell() -> None:
    data = csv_bytes(HEADER, ROWS[0], "9999-11-11 20:01,1500,280,12,12,22")
    assert refused(data, "douyin.csv") == (
        "douyin.csv, row 3, column “时间”: “9999-11-11 20:01” is not a time a show can have; "
        "expected a time in the years 2000 to 2099"
    )


def test_a_number_beyond_any_shows_minute_is_refused_with_its_cell() -> None:
    data = csv_bytes(HEADER, ROWS[0], "2025-11-11 20:01,1500,280,99999999999999999999,12,22")
    assert refused(data, "douyin.csv") == (
        "douyin.csv, row 3, column “成交金额(元)”: “99999999999999999999” is more than a show "
        "can sell or count in a minute; expected at most 10000000000"
    )


def test_exact_duplicate_rows_are_dropped_with_a_warning() -> None:
    result = read(csv_bytes(HEADER, ROWS[0], ROWS[1], ROWS[1], ROWS[2]))
    assert values(result, "orders") == [0, 12, 8]
    dropped = [w.message for w in result.warnings if w.code == "duplicates_dropped"]
    assert dropped == ["1 rows repeat an earlier row exactly and were left out (first: row 4)"]


def test_two_different_rows_for_one_minute_are_refused() -> None:
    data = csv_bytes(HEADER, ROWS[0], ROWS[1], "2025-11-11 20:01,1500,280,999,12,22")
    assert refused(data) == (
        "export.csv, rows 3 and 4: two different rows for 2025-11-11 20:01 "
        "(column “成交金额(元)”: 1234.50 and 999)"
    )


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "a.csv", "a.csv is empty"),
        (b"  \r\n ", "a.csv", "a.csv is empty"),
        (csv_bytes(HEADER), "a.csv", "a.csv has a header but no data rows"),
        (csv_bytes(HEADER, "合计,1,1,1,1,1"), "a.csv", "a.csv has a header but no data rows"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a.csv", "a.csv holds binary data"),
        (b"PK\x03\x04rest", "a.csv", "a.csv is an Excel workbook named .csv; rename it .xlsx"),
        (csv_bytes(HEADER, *ROWS), "a.xlsx", "a.xlsx is named .xlsx but holds text"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a.xls", "a.xls is an Excel 97-2003 workbook"),
        (b"<html><table><tr><td>1</td></tr></table>", "a.xls", "a.xls is a web page"),
        (b"PK\x03\x04not a zip at all", "a.xlsx", "a.xlsx cannot be opened as an Excel workbook"),
        (b'{"data": {"series": 3}}', "a.json", "a.json holds no list of per-minute records"),
        (b'{"data": [', "a.json", "a.json is not valid JSON (line 1, column 11"),
        (csv_bytes("a,b", "1,2"), "a.csv", "a.csv: no header row in its first 30 rows"),
        (csv_bytes("时间,房间号", "20:00,1"), "a.csv", "a.csv: none of the columns is a metric"),
        (csv_bytes("时间,订单数,成交订单数", "20:00,1,1"), "a.csv", "a.csv: columns “订单数” and"),
        (csv_bytes("时间,订单数", "20:00,1", "20:01,1,5"), "a.csv", "a.csv, row 3: 3 cells where"),
        (
            "时间,评论数\n20:00,1\n".encode() + b"\xff\xfe\xfa",
            "a.csv",
            "a.csv: the file is neither",
        ),
    ],
)
def test_unreadable_files_are_refused_saying_what_is_wrong(
    data: bytes, name: str, message: str
) -> None:
    assert refused(data, name).startswith(message)


def test_a_zip_that_is_not_a_workbook_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert refused(out.getvalue(), "a.xlsx").startswith(
        "a.xlsx cannot be opened as an Excel workbook"
    )


def test_a_file_over_the_size_limit_is_refused_before_it_is_read() -> None:
    big = b"x" * (MAX_BYTES + 1)
    assert refused(big, "huge.csv") == "huge.csv is 257 MB; files up to 256 MB can be imported"


def test_missing_minutes_are_accepted_left_empty_and_reported() -> None:
    data = csv_bytes("时间,成交订单数", "20:00,1", "20:01,1", "20:04,2", "20:06,1")
    result = read(data)
    assert result.minutes == 4
    assert [m.strftime("%H:%M") for m in result.missing_minutes] == ["20:02", "20:03", "20:05"]
    assert result.warnings[-1].message == (
        "no rows for 3 minutes between the first and the last: 20:02, 20:03, 20:05"
    )


# --- kinds and aggregation --------------------------------------------------------------------


def logger_rows() -> bytes:
    return csv_bytes(
        "采集时间,在线人数,累计观看人次,累计成交金额,累计成交订单数,累计点赞数,累计评论数",
        "2025-11-11 20:00:00,100,50,0,0,10,1",
        "2025-11-11 20:00:30,180,90,99,1,30,2",
        "2025-11-11 20:01:00,150,140,99,1,35,4",
        "2025-11-11 20:01:30,120,150,297,3,35,4",
        "2025-11-11 20:02:00,160,170,297,3,40,5",
    )


def test_a_screen_loggers_running_totals_become_per_minute_increments() -> None:
    result = read(logger_rows(), "logger.csv")
    assert result.preset is not None and result.preset.name == "screen-logger"
    assert values(result, "views") == [90, 60, 20]
    assert values(result, "gmv") == [9900, 19800, 0]
    assert values(result, "orders") == [1, 2, 0]
    assert result.summaries["gmv"].total == 29700  # the last running total
    # The logger's preset keeps the last reading of each minute for online viewers.
    assert result.instant_rule is InstantRule.LAST
    assert values(result, "online_viewers") == [180, 120, 160]
    assert "online viewers" not in result.warnings[0].message
    assert result.warnings[0].message == (
        "5 rows for 3 minutes: per minute, counts and money are added up and 在线人数 keeps the "
        "last reading"
    )


def test_instant_values_can_keep_each_minutes_peak_instead() -> None:
    result = read(logger_rows(), "logger.csv", instant_rule=InstantRule.MAX)
    assert values(result, "online_viewers") == [180, 150, 160]


def test_per_second_increments_are_added_up_per_minute() -> None:
    lines = ["时间,成交订单数,实时在线人数"]
    lines += [f"2025-11-11 20:00:{s:02d},1,{100 + s}" for s in range(60)]
    lines += ["2025-11-11 20:01:00,2,90"]
    result = read(csv_bytes(*lines))
    assert values(result, "orders") == [60, 2]
    assert values(result, "online_viewers") == [159, 90]


def test_a_running_total_that_falls_is_refused() -> None:
    data = csv_bytes("时间,累计成交金额", "20:00,100", "20:01,250", "20:02,40")
    assert refused(data) == (
        "export.csv, row 4, column “累计成交金额”: the running total falls from 250 to 40"
    )


def test_the_users_mapping_overrides_names_and_presets() -> None:
    data = csv_bytes("时间,A列,B列", "20:00,5,7", "20:01,6,8")
    mapping = {1: ColumnRule("orders", _kind("orders")), 2: None}
    result = read(data, columns=mapping)
    assert values(result, "orders") == [5, 6]
    assert set(result.samples["metric"]) == {"orders"}
    assert [(c.header, c.source) for c in result.columns] == [
        ("时间", ""),
        ("A列", "user"),
        ("B列", ""),
    ]


def test_money_in_wan_yuan_or_fen_follows_the_header() -> None:
    data = csv_bytes("时间,成交金额(万元),投放消耗(分)", "20:00,1.5,250")
    result = read(data)
    assert values(result, "gmv") == [1_500_000]
    assert values(result, "ad_spend") == [250]


def test_tiktok_dollars_with_thousands_separators() -> None:
    data = csv_bytes(
        "Time,Concurrent viewers,Views,GMV,Orders,Customers,Items sold,Product clicks,Comments,"
        "Likes,Shares,New followers",
        '2025-11-11 20:00,1200,3000,"$1,234.56",10,9,12,300,40,500,3,20',
    )
    result = read(data, "tiktok.csv")
    assert result.preset is not None and result.preset.name == "tiktok-shop"
    assert values(result, "gmv") == [123456]
    assert values(result, "unique_viewers") == []


def test_a_kuaishou_export_with_w_counts() -> None:
    data = csv_bytes(
        "时间,在线人数,进入直播间人数,离开直播间人数,成交金额(元),成交订单数,成交件数,评论数,"
        "点赞数,涨粉数",
        "2025-11-11 20:00,3.2w,1.1w,9000,5.6万,120,130,800,2.5w,300",
    )
    result = read(data, "kuaishou.csv")
    assert result.preset is not None and result.preset.name == "kuaishou"
    assert values(result, "online_viewers") == [32000]
    assert values(result, "gmv") == [5_600_000]


def _kind(metric: str) -> MetricKind:
    return METRICS[metric].kind


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["a.csv", "a.xlsx", "a.json", "a"]))
def test_any_bytes_give_an_import_or_our_own_refusal(data: bytes, name: str) -> None:
    with contextlib.suppress(ImportRefused):
        read(data, name)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.text(alphabet='0123456789,.-万w%:年月日 "\n时间成交金额合计', max_size=12),
        min_size=1,
        max_size=30,
    )
)
def test_any_cells_under_a_real_header_give_an_import_or_our_own_refusal(cells: list[str]) -> None:
    lines = ["时间,成交金额,在线人数"] + [f"{c},{c},{c}" for c in cells]
    with contextlib.suppress(ImportRefused):
        read("\n".join(lines).encode())


def test_json_records_at_the_top_level() -> None:
    data = json.dumps([{"time": "2025-11-11 20:00", "orders": "3"}]).encode()
    assert values(read(data, "x.json"), "orders") == [3]


def _yuan(fen: int, style: int) -> str:
    """Money as different platforms write it."""
    yuan = f"{fen // 100}.{fen % 100:02d}"
    return [yuan, f"¥{fen / 100:,.2f}", f"{fen / 100:,.2f}", f"{fen / 1_000_000:.6f}万"][style]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 500_000),  # online viewers
            st.integers(0, 10**9),  # GMV in fen
            st.integers(0, 50_000),  # orders
            st.one_of(st.none(), st.integers(0, 9_999)),  # comments, sometimes not given
        ),
        min_size=1,
        max_size=90,
    ),
    st.integers(0, 3),
    st.sampled_from(["utf-8-sig", "gb18030", "utf-16"]),
)
def test_an_export_written_from_known_minutes_reads_back_the_same_minutes(
    minutes: list[tuple[int, int, int, int | None]], style: int, encoding: str
) -> None:
    lines = ["直播数据", "时间\t实时在线人数\t成交金额(元)\t成交订单数\t评论次数"]
    for index, (online, fen, orders, comments) in enumerate(minutes):
        at = datetime(2025, 11, 11, 20, 0) + pd.Timedelta(minutes=index)
        shown = "-" if comments is None else str(comments)
        money = _yuan(fen, style)
        lines.append(f"{at:%Y-%m-%d %H:%M}\t{online}\t{money}\t{orders}\t{shown}")
    result = read("\r\n".join(lines).encode(encoding))
    assert values(result, "online_viewers") == [m[0] for m in minutes]
    assert values(result, "gmv") == [m[1] for m in minutes]
    assert values(result, "orders") == [m[2] for m in minutes]
    assert values(result, "comments") == [m[3] for m in minutes if m[3] is not None]
    assert result.summaries["gmv"].total == sum(m[1] for m in minutes)


def test_add_to_cart_product_exposures_and_watch_time_are_read_by_their_names() -> None:
    """Exports carry 加购, 商品曝光 and 人均观看时长 (in seconds or minutes): they are metrics of
    their own now, watch time a reading of the minute (never summed), its minutes in seconds."""
    result = read(
        csv_bytes(
            "时间,加购人数,商品曝光次数,人均观看时长(分钟)",
            "2025-11-11 20:00,5,300,1.5",
            "2025-11-11 20:01,7,420,2",
        )
    )
    assert values(result, "add_to_cart") == [5, 7]
    assert values(result, "product_exposures") == [300, 420]
    assert values(result, "avg_watch_s") == [90, 120]
    assert METRICS["avg_watch_s"].kind is MetricKind.INSTANT
    assert result.summaries["avg_watch_s"].total is None  # a reading is never added up
    assert result.summaries["avg_watch_s"].peak == 120


def test_a_metric_named_among_a_header_s_other_words_is_read_and_said_so() -> None:
    """Platforms rename and respell columns ("LIVE GMV", "SKU orders"): a known name among the
    header's words is read, unless the header says it is another figure of it."""
    result = read(
        csv_bytes(
            "Time,LIVE GMV,SKU orders,Live views,GMV per hour,Orders %,直播间商品点击次数",
            "2025-11-11 20:00,10.5,2,300,630,50%,7",
            "2025-11-11 20:01,20,3,400,1200,50%,9",
        )
    )
    read_as = {c.header: (c.rule.metric if c.rule else None, c.source) for c in result.columns}
    assert read_as["LIVE GMV"] == ("gmv", "words")
    assert read_as["SKU orders"] == ("orders", "words")
    assert read_as["Live views"] == ("views", "words")
    assert read_as["直播间商品点击次数"] == ("product_clicks", "words")
    assert read_as["GMV per hour"] == (None, "") and read_as["Orders %"] == (None, "")
    assert values(result, "gmv") == [10_50, 20_00]


def test_a_header_s_words_never_take_a_metric_from_a_surer_column_nor_refuse_a_file() -> None:
    both = read(
        csv_bytes(
            "时间,成交金额,商品成交金额,直播间商品点击次数,橱窗商品点击次数",
            "2025-11-11 20:00,100,60,7,3",
        )
    )
    read_as = {c.header: (c.rule.metric if c.rule else None, c.source) for c in both.columns}
    assert read_as["成交金额"] == ("gmv", "name")
    assert read_as["商品成交金额"] == (None, "")  # gmv is 成交金额's: left out, not refused
    # Two columns naming one metric among their words: neither is guessed at.
    assert read_as["直播间商品点击次数"] == read_as["橱窗商品点击次数"] == (None, "")
