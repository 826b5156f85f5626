"""Team templates and the product library stored on SQLite and PostgreSQL: saved, listed,
replaced, deleted; products picked into shows and their history across shows."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from liveplanner.app import library, templates
from liveplanner.app.refusals import OperationRefused
from liveplanner.app.shows import create_show, show_plan
from liveplanner.core.enums import Platform, SegmentKind
from liveplanner.core.plan import Product
from liveplanner.core.product_sales import ProductImport, ProductSales
from liveplanner.core.templates import Template
from liveplanner.storage import history, parts, product_sales, samples, segments, shows
from liveplanner.storage.database import Database
from liveplanner.storage.errors import InvalidValueError, NotFoundError, StaleEditError

SH = ZoneInfo("Asia/Shanghai")


def _at(day: int, hour: int = 20) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=SH)


def test_a_show_saved_as_a_team_template_makes_new_shows(db: Database) -> None:
    source = create_show(db, "双11", _at(11), Platform.DOUYIN, template=Template.FLASH_1H)
    saved = templates.save_template(db, source, "  快闪一小时 ")
    assert saved.name == "快闪一小时" and saved.products == 0 and saved.segments == 15
    with pytest.raises(InvalidValueError) as refused:
        templates.save_template(db, source, "快闪一小时", with_products=True)
    assert refused.value.code == "storage.template_exists"
    replaced = templates.save_template(db, source, "快闪一小时", with_products=True, replace=True)
    assert replaced.products == 3
    assert [t.name for t in templates.list_templates(db)] == ["快闪一小时"]

    made = create_show(db, " 双12 ", _at(12, 19), Platform.TAOBAO, template="快闪一小时")
    plan, old = show_plan(db, made), show_plan(db, source)
    assert plan.show.title == "双12" and plan.show.platform is Platform.TAOBAO
    assert plan.show.planned_start == _at(12, 19)
    assert [(s.kind, s.title, s.duration_s) for s in plan.segments] == [
        (s.kind, s.title, s.duration_s) for s in old.segments
    ]
    assert [p.name for p in plan.products] == [p.name for p in old.products]
    linked = {plan.product(s.product_id).name for s in plan.segments if s.product_id}
    assert linked == {p.name for p in plan.products}
    assert len(plan.duties) == len(old.duties) and len(plan.promos) == len(old.promos)

    templates.delete_template(db, "快闪一小时")
    assert templates.list_templates(db) == []
    with pytest.raises(NotFoundError) as refused:
        create_show(db, "x", _at(13), Platform.DOUYIN, template="快闪一小时")
    assert refused.value.code == "storage.no_template"


def test_library_products_are_added_changed_and_deleted_once_by_name(db: Database) -> None:
    made = library.add_product(db, " 面霜 ", " 88 ", 199_00, 40_00)
    assert (made.name, made.sku) == ("面霜", "88")
    with pytest.raises(InvalidValueError) as refused:
        library.add_product(db, "面霜")
    assert refused.value.code == "storage.library_name_taken"
    with pytest.raises(InvalidValueError) as refused:
        library.add_product(db, "x", list_price_fen=-1)
    assert refused.value.code == "storage.negative"
    changed = library.update_product(db, made.id, made.version, list_price_fen=189_00)
    assert changed.list_price_fen == 189_00 and changed.version == made.version + 1
    with pytest.raises(StaleEditError):
        library.update_product(db, made.id, made.version, sku="9")
    other = library.add_product(db, "精华")
    assert [p.name for p in library.list_products(db)] == ["精华", "面霜"]
    library.delete_product(db, other.id)
    with pytest.raises(NotFoundError) as refused:
        library.load_product(db, other.id)
    assert refused.value.code == "storage.no_library_product"


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"name": "Ｐ２"}, "storage.library_name_taken"),  # P2 in full width
        ({"name": "p 2"}, "storage.library_name_taken"),
        ({"name": "Q", "sku": " PB-10K "}, "storage.library_sku_taken"),
        ({"name": "a\x01b"}, "storage.library_bad_name"),
        ({"name": "\u200b"}, "storage.library_bad_name"),
        ({"name": "x\ny"}, "storage.library_bad_name"),
        ({"name": "Q", "unit_cost_fen": 100_000_000_01}, "storage.library_price_range"),
    ],
)
def test_a_product_alike_another_or_unprintable_or_priced_past_a_run_sheet_is_refused(
    db: Database, values: dict[str, object], code: str
) -> None:
    library.add_product(db, "P2", "PB-10K", 129_00, 60_00)
    with pytest.raises(InvalidValueError) as refused:
        library.add_product(db, **values)  # type: ignore[arg-type]
    assert refused.value.code == code
    assert [p.name for p in library.list_products(db)] == ["P2"]


def test_a_show_in_the_bin_takes_no_library_product(db: Database) -> None:
    item = library.add_product(db, "面霜", "88", 199_00, 40_00)
    show_id = create_show(
        db, "双11", datetime(2026, 11, 11, 20, tzinfo=ZoneInfo("Asia/Shanghai")), Platform.DOUYIN
    )
    shows.delete_show(db, show_id)
    with pytest.raises(NotFoundError):
        library.pick(db, item.id, show_id)
    assert show_plan(db, show_id).products == ()


def test_a_picked_product_joins_the_show_and_its_history(db: Database) -> None:
    item = library.add_product(db, "面霜", "88", 199_00, 40_00)
    show_id = shows.create_show(db, "双11", _at(11), Platform.DOUYIN)
    added = library.pick(db, item.id, show_id)
    plan = show_plan(db, show_id)
    assert plan.products == (added,)
    assert (added.name, added.sku, added.list_price_fen, added.unit_cost_fen, added.stock) == (
        "面霜",
        "88",
        199_00,
        40_00,
        None,
    )
    assert [c.action for c in history.list_changes(db, show_id, 0)][-1] == "added"
    with pytest.raises(OperationRefused) as refused:
        library.pick(db, item.id, show_id)
    assert refused.value.code == "library.in_show_already"


def test_a_product_of_a_show_is_saved_to_the_library(db: Database) -> None:
    show_id = shows.create_show(db, "双11", _at(11), Platform.DOUYIN)
    product = parts.add_part(db, show_id, Product(0, "L-1", "Lip Balm", 59_00, 39_00, 12_00, 50))
    kept = library.save_to_library(db, show_id, product.id)
    assert (kept.name, kept.sku, kept.list_price_fen, kept.unit_cost_fen) == (
        "Lip Balm",
        "L-1",
        59_00,
        12_00,
    )
    with pytest.raises(NotFoundError):
        library.save_to_library(db, show_id, product.id + 1000)


def _metrics(db: Database, show_id: int, rows: list[tuple[str, int]]) -> None:
    frame = pd.DataFrame(
        {
            "minute": [pd.Timestamp(m, tz="Asia/Shanghai").tz_convert("UTC") for m, _ in rows],
            "metric": ["gmv"] * len(rows),
            "value": [value for _, value in rows],
        }
    )
    samples.replace_metrics(db, show_id, frame, samples.ImportSource("x.csv"))


def test_history_gives_stock_sold_sell_through_and_gmv_per_pitched_minute(db: Database) -> None:
    item = library.add_product(db, "面霜", "88")
    # Show one has it by link number under another name, pitched for 10 minutes after an
    # opening of 10, with sales and a product export.
    one = shows.create_show(db, "one", _at(1), Platform.DOUYIN)
    cream = parts.add_part(db, one, Product(0, "088", "Face cream", stock=200))
    segments.add_segment(db, one, SegmentKind.OPENING, "hi", 600)
    segments.add_segment(db, one, SegmentKind.PRODUCT_INTRO, "cream", 600, product_id=cream.id)
    _metrics(db, one, [("2026-11-01 20:05", 1_000), ("2026-11-01 20:13", 5_000)])
    product_sales.replace_product_sales(
        db,
        one,
        ProductImport("p.csv"),
        [ProductSales(1, "Face cream", "088", cream.id, sold=150, gmv_fen=4_000)],
    )
    # Show two has it by name, no stock, no figures; show three does not have it.
    two = shows.create_show(db, "two", _at(3), Platform.TAOBAO)
    parts.add_part(db, two, Product(0, "", "面霜"))
    three = shows.create_show(db, "three", _at(5), Platform.DOUYIN)
    parts.add_part(db, three, Product(0, "", "精华"))

    found = library.history(db, item.id, lag=0)
    assert [h.show_id for h in found] == [one, two]
    first, second = found
    assert (first.title, first.platform, first.stock, first.sold) == (
        "one",
        Platform.DOUYIN,
        200,
        150,
    )
    assert first.sell_through == 0.75
    # 5,000 fen credited to the 600 s the cream was pitched: 500 fen a minute.
    assert first.gmv_per_min_fen == pytest.approx(500)
    assert first.planned_start == _at(1)
    assert (second.stock, second.sold, second.sell_through, second.gmv_per_min_fen) == (
        None,
        None,
        None,
        None,
    )
    shows.delete_show(db, two)  # in the bin: out of the history
    assert [h.show_id for h in library.history(db, item.id, lag=0)] == [one]
