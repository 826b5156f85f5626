"""Run sheets in and out: reading teams' 整场脚本 layouts, refusals that name the cell, and the
XLSX round trip."""

from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from liveplanner.app.demo import demo_plan
from liveplanner.core.enums import PromoKind, Role, SegmentKind
from liveplanner.core.plan import Release, Segment, ShowPlan, time_zone
from liveplanner.formats.problems import ImportRefused
from liveplanner.formats.runsheet.columns import HEADERS, Field
from liveplanner.formats.runsheet.offers import Offer, offer_text, read_offers
from liveplanner.formats.runsheet.reader import ScriptOptions, read_script
from liveplanner.formats.runsheet.writer import write_script_xlsx

FIXTURE = Path(__file__).parent / "fixtures" / "scripts" / "team-run-sheet.csv"
TODAY = ScriptOptions(today=date(2026, 1, 5))


def _csv(text: str, options: ScriptOptions = TODAY):
    return read_script(text.encode(), "sheet.csv", options)


def _xlsx(tmp_path: Path, rows: list[list[object]], options: ScriptOptions = TODAY):
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / "sheet.xlsx"
    book.save(path)
    return read_script(path.read_bytes(), path.name, options)


def comparable(plan: ShowPlan) -> dict:
    """A plan with names in place of its local ids, to compare plans built apart."""
    person = {p.id: p.name for p in plan.people}
    product = {p.id: (p.name, p.sku) for p in plan.products}
    promo = {p.id: p.name for p in plan.promos}
    position = {s.id: n for n, s in enumerate(plan.segments)}
    return {
        "show": replace(plan.show, id=0, version=0),
        "segments": [
            (
                replace(s, id=0, version=0, product_id=None, roles={}),
                product.get(s.product_id),
                {role: person[pid] for role, pid in s.roles.items()},
            )
            for s in plan.segments
        ],
        "people": sorted(person.values()),
        "team": sorted((person[m.person_id], m.role) for m in plan.team),
        "products": [replace(p, id=0, version=0) for p in plan.products],
        "promos": [
            (replace(p, id=0, version=0, product_id=None), product.get(p.product_id))
            for p in plan.promos
        ],
        "releases": [
            (promo[r.promo_id], position[r.segment_id], r.offset_s, r.quantity)
            for r in plan.releases
        ],
        "duties": [
            (position[d.segment_id], d.offset_s, d.cue, d.role, person.get(d.person_id))
            for d in plan.duties
        ],
    }


def test_a_teams_sheet_becomes_a_show() -> None:
    reading = read_script(FIXTURE.read_bytes(), FIXTURE.name, TODAY)
    plan = reading.plan
    assert reading.header_row == 3  # under two title rows
    assert plan.show.planned_start == datetime(
        2026, 11, 11, 20, 0, tzinfo=time_zone("Asia/Shanghai")
    )
    kinds = [s.kind for s in plan.segments]
    assert kinds == [
        SegmentKind.OPENING,
        SegmentKind.LUCKY_DRAW,
        SegmentKind.PRODUCT_INTRO,
        SegmentKind.COUPON_DROP,
        SegmentKind.FLASH_SALE,
        SegmentKind.PRODUCT_INTRO,
        SegmentKind.QA,
        SegmentKind.CLOSING,
    ]
    assert [s.duration_s // 60 for s in plan.segments] == [10, 5, 10, 3, 5, 10, 7, 10]
    serum, cleanser = plan.products
    assert (serum.name, serum.sku, serum.list_price_fen, serum.live_price_fen, serum.stock) == (
        "玻尿酸精华 30ml",
        "1",
        29900,
        19900,
        2000,
    )
    assert cleanser.live_price_fen == 5900
    draw, coupon, flash = plan.promos
    assert (draw.kind, draw.quantity, draw.face_value_fen) == (PromoKind.LUCKY_DRAW, 20, 5000)
    assert (coupon.threshold_fen, coupon.face_value_fen, coupon.quantity) == (19900, 3000, 500)
    assert coupon.per_user_limit == 1
    # The flash-sale row's own live price is the sale's price; the product keeps its own.
    assert (flash.special_price_fen, flash.quantity, flash.product_id) == (14900, 300, serum.id)
    # Names in the role columns are people; actions there are cues for that role.
    assert {p.name for p in plan.people} == {"小美", "阿杰", "老王", "小丽"}
    cues = [(d.segment_id, d.role, d.cue) for d in plan.duties]
    assert (2, Role.FLOOR_CONTROL, "发福袋") in cues
    assert (2, Role.CUSTOMER_SERVICE, "置顶规则") in cues
    # The unclear offer is kept in the notes and reported; the total row is left out.
    assert "前100名下单送小样" in plan.segments[5].notes
    assert [(u.row, u.column, u.kept) for u in reading.unread] == [
        (12, "序号", False),
        (9, "优惠/福利", True),
    ]
    assert [n.code for n in reading.notices] == ["several_people"]


def test_the_same_sheet_as_a_workbook_with_excel_cells(tmp_path: Path) -> None:
    rows = [
        ["双11美妆专场 整场脚本"],
        [],
        ["序号", "时间", "时长(分钟)", "环节", "商品", "直播价"],
        [1, time(20, 0), 10, "开场", None, None],
        [2, time(20, 10), time(5, 30), "产品讲解", "精华", 199],  # Excel made "5:30" 5 h 30 min
        [3, time(20, 15, 30), 4.5, "收尾", None, None],
    ]
    reading = _xlsx(tmp_path, rows)
    assert [s.duration_s for s in reading.plan.segments] == [600, 330, 270]
    assert reading.plan.products[0].live_price_fen == 19900
    assert [n.code for n in reading.notices] == ["excel_time_length", "sheet_without_date"]
    assert reading.plan.show.planned_start.date() == date(2026, 1, 5)


def test_start_times_without_lengths() -> None:
    reading = _csv("环节,时间\n开场,23:40\n产品讲解,23:50\n秒杀,00:05\n收尾,00:10\n下播,00:20\n")
    assert [s.duration_s // 60 for s in reading.plan.segments] == [10, 15, 5, 10]
    assert reading.notices[-1].code == "sheet_without_date"


def test_the_last_start_time_without_an_end_is_zero_and_told() -> None:
    reading = _csv("时间,环节\n20:00-20:10,开场\n20:10,讲解\n20:30,收尾\n")
    assert [s.duration_s // 60 for s in reading.plan.segments] == [10, 20, 0]
    assert "last_without_end" in [n.code for n in reading.notices]


def test_ranges_give_the_last_length() -> None:
    reading = _csv("时间,环节\n20:00-20:10,开场\n20:10-20:25,讲解\n")
    assert [s.duration_s // 60 for s in reading.plan.segments] == [10, 15]


def test_english_headers_and_kinds() -> None:
    reading = _csv(
        "No.,Duration,Segment,Product,Live price,Offer,Host\n"
        "1,5,Opening,,,,Amy\n2,8,Product intro,Serum,19.9,,Amy\n"
        '3,3,Coupon drop,,,"¥20 off ¥99, 500 coupons, limit 1 per user",Amy\n'
    )
    plan = reading.plan
    assert [s.kind for s in plan.segments] == [
        SegmentKind.OPENING,
        SegmentKind.PRODUCT_INTRO,
        SegmentKind.COUPON_DROP,
    ]
    (coupon,) = plan.promos
    assert (coupon.face_value_fen, coupon.threshold_fen, coupon.quantity) == (2000, 9900, 500)


def test_no_recognisable_header_is_refused() -> None:
    with pytest.raises(ImportRefused) as refused:
        _csv("a,b,c\n1,2,3\n")
    assert refused.value.problem.code == "no_script_header"
    assert "sheet.csv" in str(refused.value) and "30 rows" in str(refused.value)


def test_a_length_that_is_no_time_names_row_and_column() -> None:
    with pytest.raises(ImportRefused) as refused:
        _csv("标题行\n序号,时长,环节\n1,5,开场\n2,半小时,讲解\n")
    assert str(refused.value) == (
        "sheet.csv, row 4, column “时长”: “半小时” is not a length; expected minutes (5), "
        "m:ss (5:30), h:mm:ss (1:02:00) or 5分30秒"
    )


@pytest.mark.parametrize(
    ("text", "code", "row"),
    [
        ("时间,环节\n20:00,开场\n晚上八点,讲解\n", "bad_cell", 3),
        ("时间,环节\n20:00,开场\n19:50,讲解\n", "time_backwards", 3),
        ("时长,环节\n5,开场\n,讲解\n6,收尾\n", "no_length", 3),
        ("时长,环节,直播价\n5,讲解,abc\n", "bad_cell", 2),
    ],
)
def test_unreadable_cells_are_refused(text: str, code: str, row: int) -> None:
    with pytest.raises(ImportRefused) as refused:
        _csv(text)
    assert refused.value.problem.code == code
    assert refused.value.problem.params["row"] == row


def test_a_mapping_the_user_changed() -> None:
    text = "序号,时长,环节,主持\n1,5,开场,小美\n"
    assert _csv(text).plan.segments[0].roles == {}
    assert _csv(text).unread[0].column == "主持"
    mapping = (Field.POSITION, Field.DURATION, Field.KIND, Field.HOST)
    plan = _csv(text, replace(TODAY, mapping=mapping)).plan
    assert plan.people[0].name == "小美" and Role.HOST in plan.segments[0].roles


@pytest.mark.parametrize("language", ["zh", "en"])
def test_xlsx_round_trip_is_equal(tmp_path: Path, language: str) -> None:
    plan = demo_plan()
    path = tmp_path / "script.xlsx"
    write_script_xlsx(plan, path, language)
    reading = read_script(path.read_bytes(), path.name)
    assert comparable(reading.plan) == comparable(plan)
    assert reading.unread == () and reading.notices == ()


def test_formula_text_is_neutralised_and_kept(tmp_path: Path) -> None:
    plan = demo_plan()
    risky = ['=HYPERLINK("http://x")', "+86 138", "-1 讲解", "@host"]
    segments = list(plan.segments)
    segments[0] = replace(segments[0], title=risky[0], talking_points=risky[1], notes=risky[2])
    segments[1] = replace(segments[1], title=risky[3])
    plan = replace(plan, segments=tuple(segments), show=replace(plan.show, title="=1+1"))
    path = tmp_path / "script.xlsx"
    write_script_xlsx(plan, path)
    book = openpyxl.load_workbook(path)
    cells = [c for s in book for row in s.iter_rows() for c in row if isinstance(c.value, str)]
    risky_cells = [c for c in cells if c.value.startswith(("=", "+", "-", "@"))]
    assert len(risky_cells) == 5  # the four texts, and the title on the show's sheet
    assert all(c.data_type == "s" and c.quotePrefix for c in risky_cells)
    assert comparable(read_script(path.read_bytes(), path.name).plan) == comparable(plan)


def test_a_deleted_row_leaves_its_releases_out_and_says_so(tmp_path: Path) -> None:
    plan = demo_plan()
    path = tmp_path / "script.xlsx"
    write_script_xlsx(plan, path)
    book = openpyxl.load_workbook(path)
    run_sheet = book.worksheets[0]
    position_4 = next(r for r in range(1, run_sheet.max_row + 1) if run_sheet.cell(r, 1).value == 4)
    run_sheet.delete_rows(position_4)
    book.save(path)
    reading = read_script(path.read_bytes(), path.name)
    assert len(reading.plan.segments) == len(plan.segments) - 1
    assert "unknown_segment" in {n.code for n in reading.notices}


@pytest.mark.parametrize(
    ("text", "offers"),
    [
        ("满99减20券 500张 每人限1张", [Offer(PromoKind.COUPON, 500, 9900, 2000, None, 1)]),
        ("满99减20，500张，每人限领1张", [Offer(PromoKind.COUPON, 500, 9900, 2000, None, 1)]),
        ("20元无门槛券1万张", [Offer(PromoKind.COUPON, 10000, 0, 2000)]),
        ("秒杀价59元 限量800件", [Offer(PromoKind.FLASH_SALE, 800, special_price_fen=5900)]),
        ("福袋 20个 价值50元", [Offer(PromoKind.LUCKY_DRAW, 20, face_value_fen=5000)]),
        (
            "满199减30券500张+福袋10个",
            [Offer(PromoKind.COUPON, 500, 19900, 3000), Offer(PromoKind.LUCKY_DRAW, 10)],
        ),
        (
            "flash sale ¥59 ×300 limit 2 per user",
            [Offer(PromoKind.FLASH_SALE, 300, None, None, 5900, 2)],
        ),
    ],
)
def test_clear_offer_text(text: str, offers: list[Offer]) -> None:
    reading = read_offers(text)
    assert list(reading.offers) == offers and reading.unclear == ""


@pytest.mark.parametrize("text", ["前100名下单送小样", "买一送一", "秒杀+福袋同时"])
def test_unclear_offer_text_is_not_guessed(text: str) -> None:
    assert read_offers(text).unclear


amounts = st.one_of(st.none(), st.integers(1, 99_999).map(lambda yuan: yuan * 100))


@given(
    st.sampled_from(list(PromoKind)),
    st.one_of(st.none(), st.integers(0, 50_000)),
    amounts,
    amounts,
    st.one_of(st.none(), st.integers(1, 9)),
    st.sampled_from(["zh", "en"]),
)
def test_offer_text_reads_back(kind, quantity, money, other, limit, language) -> None:
    offer = Offer(
        kind,
        quantity,
        threshold_fen=other if kind is PromoKind.COUPON else None,
        face_value_fen=money if kind is not PromoKind.FLASH_SALE else None,
        special_price_fen=money if kind is PromoKind.FLASH_SALE else None,
        per_user_limit=limit,
    )
    if kind is PromoKind.COUPON and offer.face_value_fen is None:
        offer = replace(offer, threshold_fen=None)
    assert read_offers(offer_text(offer, language)).offers == (offer,)


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("开场", SegmentKind.OPENING),
        ("暖场互动", SegmentKind.OPENING),
        ("产品讲解：精华", SegmentKind.PRODUCT_INTRO),
        ("过款", SegmentKind.PRODUCT_INTRO),
        ("发券", SegmentKind.COUPON_DROP),
        ("福利", SegmentKind.COUPON_DROP),
        ("限时秒杀", SegmentKind.FLASH_SALE),
        ("福利秒杀", SegmentKind.FLASH_SALE),
        ("抽奖", SegmentKind.LUCKY_DRAW),
        ("福袋", SegmentKind.LUCKY_DRAW),
        ("答疑", SegmentKind.QA),
        ("互动", SegmentKind.QA),
        ("连麦PK", SegmentKind.QA),
        ("收尾", SegmentKind.CLOSING),
        ("Flash sale #2", SegmentKind.FLASH_SALE),
        ("Q&A", SegmentKind.QA),
        ("Product introduction", SegmentKind.PRODUCT_INTRO),
    ],
)
def test_segment_kinds_from_their_words(words: str, kind: SegmentKind) -> None:
    assert _csv(f"时长,环节\n5,{words}\n").plan.segments[0].kind is kind


def test_a_segment_kind_nobody_knows_is_told() -> None:
    reading = _csv("时长,环节\n5,才艺表演\n")
    assert reading.plan.segments[0] == Segment(1, SegmentKind.OTHER, "才艺表演", 300)
    assert [n.code for n in reading.notices][-1] == "unknown_kind"


def test_a_cue_time_excel_made_a_time_of_day_is_still_mss(tmp_path: Path) -> None:
    plan = demo_plan()
    path = tmp_path / "script.xlsx"
    write_script_xlsx(plan, path)
    book = openpyxl.load_workbook(path)
    cues = book["分工"]
    cues.cell(2, 2).value = time(0, 30)  # "0:30" typed in Excel is stored as 00:30:00
    book.save(path)
    reading = read_script(path.read_bytes(), path.name)
    assert reading.plan.duties[0].offset_s == 30


def test_rows_under_a_segment_carry_on_its_talking_points_and_cues(tmp_path: Path) -> None:
    rows = [
        ["整场脚本"],
        ["序号", "时长", "环节", "话术要点", "场控", "优惠/福利"],
        [1, 10, "产品讲解", "核心卖点", "老王", None],
        [None, None, None, "演示试用", "上架1号链接", None],  # the segment's cells merged over
        [None, None, None, None, None, "福袋 10个"],
        ["第二部分：福利"],  # a heading for what follows, not part of segment 1
        [2, 5, "抽奖", None, None, None],
    ]
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.active.merge_cells("A3:A5")
    path = tmp_path / "sheet.xlsx"
    book.save(path)
    reading = read_script(path.read_bytes(), path.name, TODAY)
    first, second = reading.plan.segments
    assert first.talking_points == "核心卖点\n演示试用"
    assert first.roles and reading.plan.duties[0].cue == "上架1号链接"
    assert reading.plan.promos[0].kind is PromoKind.LUCKY_DRAW
    assert second.kind is SegmentKind.LUCKY_DRAW
    assert [(u.row, u.kept) for u in reading.unread] == [(6, False)]


def test_a_gbk_csv_reads_as_its_utf8_twin() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    gbk = read_script(text.encode("gb18030"), "sheet.csv", TODAY)
    assert gbk.encoding == "GB18030 (GBK)"
    assert comparable(gbk.plan) == comparable(read_script(text.encode(), "sheet.csv", TODAY).plan)


def _exported(tmp_path: Path, plan: ShowPlan | None = None) -> tuple[Path, openpyxl.Workbook]:
    path = tmp_path / "script.xlsx"
    write_script_xlsx(plan or demo_plan(), path)
    return path, openpyxl.load_workbook(path)


@pytest.mark.parametrize(
    ("cells", "column"),
    [
        ([1, time(20), True, "开场"], "时长"),  # a TRUE that Excel kept in the length column
        ([1, time(20), 5, "开场", "精华", 1e20], "直播价"),  # no price a show has
        ([1, time(20), 5, "开场", "精华", 99, 10**20], "库存"),
    ],
)
def test_cells_no_sheet_means_are_refused(tmp_path: Path, cells: list, column: str) -> None:
    rows = [["序号", "时间", "时长", "环节", "商品", "直播价", "库存"], cells]
    with pytest.raises(ImportRefused) as refused:
        _xlsx(tmp_path, rows)
    assert refused.value.problem.params["column"] == column


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "column"),
    [
        ("商品", "A3", None, "商品编号"),  # a product without its number
        ("商品", "A3", 1, "商品编号"),  # two products with one number
        ("优惠", "D2", 99, "商品编号"),  # a promo of a product the workbook lacks
        ("发放", "B2", 99, "优惠编号"),  # a release of a promo the workbook lacks
    ],
)
def test_broken_references_in_the_workbooks_own_sheets_are_refused(
    tmp_path: Path, sheet: str, cell: str, value: object, column: str
) -> None:
    path, book = _exported(tmp_path)
    book[sheet][cell] = value
    book.save(path)
    with pytest.raises(ImportRefused) as refused:
        read_script(path.read_bytes(), path.name)
    assert refused.value.problem.params["column"] == column
    assert sheet in str(refused.value.problem.params["file"])


def test_a_row_added_without_a_number_takes_no_ones_promos(tmp_path: Path) -> None:
    path, book = _exported(tmp_path)
    run_sheet = book.worksheets[0]
    run_sheet.insert_rows(6)  # after segment 1 (the header is row 4)
    run_sheet["C6"], run_sheet["D6"], run_sheet["E6"] = "3:00", "答疑", "新加的互动"
    book.save(path)
    plan = read_script(path.read_bytes(), path.name).plan
    draw = plan.segments[2]  # the lucky draw, moved down by the new row
    assert draw.id in [r.segment_id for r in plan.releases if r.promo_id == 8]
    assert not [r for r in plan.releases if r.segment_id == plan.segments[1].id]


def test_a_run_sheet_edit_that_the_products_sheet_overrides_is_told(tmp_path: Path) -> None:
    path, book = _exported(tmp_path)
    book.worksheets[0]["I7"] = 119  # 直播价 of segment 3's product, 129 in the products sheet
    book.save(path)
    reading = read_script(path.read_bytes(), path.name)
    (notice,) = reading.notices
    assert notice.code == "value_differs_sheet" and notice.params["first"] == "129"


def test_names_that_look_like_cues_stay_people_when_the_team_sheet_knows_them(
    tmp_path: Path,
) -> None:
    plan = demo_plan()
    people = tuple(replace(p, name="Host 2" if p.name == "林晓" else p.name) for p in plan.people)
    plan = replace(plan, people=people)
    path, _book = _exported(tmp_path, plan)
    assert comparable(read_script(path.read_bytes(), path.name).plan) == comparable(plan)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("关晓彤", (["关晓彤"], "")),
        ("上官婉儿", (["上官婉儿"], "")),
        ("Jessica", (["Jessica"], "")),
        ("Anna-Maria", (["Anna-Maria"], "")),
        ("小美/阿杰", (["小美", "阿杰"], "")),
        ("上架1号链接", ([], "上架1号链接")),
        ("改价", ([], "改价")),
        ("Change price", ([], "Change price")),
    ],
)
def test_role_cells_tell_names_from_actions(text: str, expected: tuple) -> None:
    from liveplanner.formats.runsheet.cells import names_or_cue

    assert names_or_cue(text) == expected


def test_same_as_above_and_undecided_in_role_cells() -> None:
    plan = _csv("时长,环节,主播\n5,开场,小美\n5,讲解,同上\n5,收尾,待定\n").plan
    host = [plan.person(s.roles.get(Role.HOST)) for s in plan.segments]
    assert [p.name if p else None for p in host] == ["小美", "小美", None]
    assert "待定" in plan.segments[2].notes


def test_products_are_told_apart_by_name_and_link_number() -> None:
    plan = _csv(
        "时长,环节,商品,链接号,直播价\n5,讲解,精华,1,199\n5,讲解,面霜,1,299\n5,讲解,精华,2,399\n"
    ).plan
    assert [(p.name, p.sku, p.live_price_fen) for p in plan.products] == [
        ("精华", "1", 19900),
        ("面霜", "1", 29900),
        ("精华", "2", 39900),
    ]


@pytest.mark.parametrize("total", ["合计：", "小计", "总时长", "合 计", "Total:"])
def test_total_rows_in_their_many_spellings_are_no_segment(total: str) -> None:
    reading = _csv(f"序号,时长,环节\n1,5,开场\n{total},15,\n")
    assert len(reading.plan.segments) == 1 and reading.unread[0].kept is False


def test_headings_between_segments_are_left_out_and_told() -> None:
    reading = _csv("时长,环节\n5,开场\n,【第二部分 产品】\n10,讲解\n")
    assert [s.title for s in reading.plan.segments] == ["开场", "讲解"]
    assert [(u.row, u.kept) for u in reading.unread] == [(3, False)]


@pytest.mark.parametrize("title", ["美妆专场 直播脚本 V1.2", "目标GMV：1.5万"])
def test_numbers_in_title_rows_are_no_date(title: str) -> None:
    reading = _csv(f"{title}\n时长,环节\n5,开场\n")
    assert reading.plan.show.planned_start.date() == date(2026, 1, 5)  # today, and said so
    assert "sheet_without_date" in {n.code for n in reading.notices}


def test_a_date_without_a_year_is_the_nearest_one_and_told() -> None:
    options = replace(TODAY, today=date(2026, 12, 20))
    reading = _csv("1月5日 专场\n时长,环节\n5,开场\n", options)
    assert reading.plan.show.planned_start.date() == date(2027, 1, 5)
    assert "year_assumed" in {n.code for n in reading.notices}


def test_a_flash_sale_before_its_products_intro_keeps_the_products_own_price() -> None:
    plan = _csv("时长,环节,商品,直播价,库存\n3,秒杀,精华,99,100\n10,产品讲解,精华,199,2000\n").plan
    (serum,) = plan.products
    (flash,) = plan.promos
    assert (serum.live_price_fen, serum.stock) == (19900, 2000)
    assert (flash.special_price_fen, flash.quantity) == (9900, 100)


def _run_sheet_rows(path: Path, language: str) -> dict[str, dict[Field, object]]:
    """The exported run sheet's rows by their title (内容), each as {field: cell value}."""
    rows = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True))
    field = {text: key for key, text in HEADERS[language].items()}
    header = next(i for i, row in enumerate(rows) if row[0] == HEADERS[language][Field.POSITION])
    fields = [field.get(text) for text in rows[header]]  # type: ignore[arg-type]
    cells = [dict(zip(fields, row, strict=True)) for row in rows[header + 1 :]]
    return {str(row[Field.TITLE]): row for row in cells}


def _flash_sales(plan: dict) -> list:
    return [promo for promo in plan["promos"] if promo[0].kind is PromoKind.FLASH_SALE]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_an_exported_flash_sale_row_holds_the_sales_price_and_units_and_reads_back(
    tmp_path: Path, language: str
) -> None:
    plan = demo_plan()
    path = tmp_path / "script.xlsx"
    write_script_xlsx(plan, path, language)
    rows = _run_sheet_rows(path, language)
    cells = (Field.LIVE_PRICE, Field.STOCK, Field.LIST_PRICE)
    # The cable sells at ¥19.90 with 10,000 in stock; its flash sale puts out 1,000 at ¥9.90.
    assert [rows["9.9元数据线秒杀·第一波"][f] for f in cells] == [9.9, 1000, 49]
    assert [rows["编织快充数据线（两条装）"][f] for f in cells] == [19.9, 10000, 49]
    assert [rows["手机壳24.9元秒杀"][f] for f in cells] == [24.9, 600, 59]
    assert [rows["充电宝99元秒杀"][f] for f in cells] == [99, 500, 199]

    reading = read_script(path.read_bytes(), path.name)
    assert reading.notices == ()
    got, want = comparable(reading.plan), comparable(plan)
    assert got["products"] == want["products"]  # each its regular price and stock
    assert _flash_sales(got) == _flash_sales(want)  # each its own price and quantity
    assert got["releases"] == want["releases"]


def test_a_row_that_releases_a_flash_sale_is_a_flash_sale_row_in_and_out(tmp_path: Path) -> None:
    """Whatever its kind; and an unpriced product does not take its sale's price on import."""
    plan = demo_plan()
    title = {s.title: s for s in plan.segments}
    promo = {p.name: p for p in plan.promos}
    case = next(p for p in plan.products if p.sku == "CASE-17")
    more = (
        # The cable's intro puts out 200 of its ¥9.90 sale a minute in.
        Release(90, promo["9.9元数据线秒杀"].id, title["编织快充数据线（两条装）"].id, 60, 200),
        # Two sales in one segment: no one price for the row, the units of both.
        Release(91, promo["充电宝99元秒杀"].id, title["9.9元数据线秒杀·第二波"].id, 60, 50),
    )
    plan = replace(
        plan,
        releases=(*plan.releases, *more),
        products=tuple(
            replace(p, live_price_fen=None, stock=None) if p.id == case.id else p
            for p in plan.products
        ),
    )
    path = tmp_path / "script.xlsx"
    write_script_xlsx(plan, path)
    rows = _run_sheet_rows(path, "zh")
    cells = (Field.LIVE_PRICE, Field.STOCK)
    assert [rows["编织快充数据线（两条装）"][f] for f in cells] == [9.9, 200]
    assert [rows["9.9元数据线秒杀·第二波"][f] for f in cells] == [None, 1050]
    assert [rows["手机壳24.9元秒杀"][f] for f in cells] == [24.9, 600]
    assert [rows["iPhone 17 磁吸手机壳"][f] for f in cells] == [None, None]

    reading = read_script(path.read_bytes(), path.name)
    assert reading.notices == ()
    assert comparable(reading.plan) == comparable(plan)


def test_a_flash_sale_rows_price_and_stock_never_become_its_products() -> None:
    """Not even where the product has none of its own yet: they are the sale's."""
    text = "时长,环节,商品,直播价,库存\n10,产品讲解,精华,,\n3,秒杀,精华,99,100\n"
    reading = _csv(text)
    (serum,) = reading.plan.products
    (flash,) = reading.plan.promos
    assert (serum.live_price_fen, serum.stock) == (None, None)
    assert (flash.special_price_fen, flash.quantity) == (9900, 100)
    assert not {"value_differs", "value_differs_sheet"} & {n.code for n in reading.notices}


def test_lengths_in_hours_and_a_midnight_start() -> None:
    reading = _csv("时间,时长(小时),环节\n24:00,1.5,开场\n", replace(TODAY, today=date(2026, 5, 1)))
    assert reading.plan.segments[0].duration_s == 5400
    assert reading.plan.show.planned_start.isoformat() == "2026-05-02T00:00:00+08:00"


def test_a_label_beside_a_value_above_the_table_is_no_header() -> None:
    reading = _csv("时间：,2026-11-11 20:00,主播：,小美\n序号,时长,环节\n1,5,开场\n")
    assert reading.header_row == 2


def test_an_empty_exported_show_imports_again(tmp_path: Path) -> None:
    plan = replace(demo_plan(), segments=(), releases=(), duties=())
    path, _book = _exported(tmp_path, plan)
    assert comparable(read_script(path.read_bytes(), path.name).plan) == comparable(plan)


def test_a_coupon_without_a_threshold_in_english() -> None:
    (coupon,) = read_offers("¥20 off, 500 coupons").offers
    assert (coupon.face_value_fen, coupon.threshold_fen, coupon.quantity) == (2000, None, 500)
    assert read_offers("秒杀价59.999元").unclear  # no price has three decimals


_CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        ["20:00", "20:00-20:05", "5", "5:30", "满99减20券 500张", "秒杀", "¥19.9", "小美", "-",
         "合计", "同上", "1e20", "24:00", "8:00 PM", "【第二部分】", "下播", "0", "TRUE"]
    ),
    st.integers(-10, 10**6).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)  # fmt: skip


@given(st.lists(st.lists(_CELLS, min_size=7, max_size=7), max_size=8))
def test_any_sheet_is_read_or_refused_never_a_crash(rows: list[list[str]]) -> None:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["序号", "时间", "时长", "环节", "商品", "直播价", "主播"])
    writer.writerows(rows)
    try:
        reading = read_script(out.getvalue().encode(), "fuzz.csv", TODAY)
    except ImportRefused as refused:
        assert refused.problem.message  # says what and where
        return
    assert all(s.duration_s >= 0 for s in reading.plan.segments)


_ANY_CELL = st.one_of(
    st.none(),
    st.booleans(),
    st.floats(),
    st.integers(-(10**25), 10**25),
    st.datetimes(),
    st.times(),
    st.timedeltas(),
    st.text(max_size=15),
    st.decimals(),
)


@given(_ANY_CELL, st.sampled_from(["", "秒", "小时"]))
def test_a_cell_of_any_kind_is_read_in_range_or_refused(cell: object, unit: str) -> None:
    from liveplanner.formats.runsheet.cells import (
        CellValueError,
        read_clock,
        read_count,
        read_duration,
        read_price,
    )

    readers = (lambda c: read_duration(c, unit), lambda c: read_clock(c, 2026))
    for read in (*readers, read_price, read_count):
        try:
            value = read(cell)
        except CellValueError:
            continue
        if isinstance(value, int):
            assert value >= 0
        elif value is not None:  # a length or a clock time
            assert 0 <= getattr(value, "seconds", getattr(value, "start_s", 0)) <= 24 * 3600
