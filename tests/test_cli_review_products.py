"""`liveplanner review` with the show's product export stored (issue 19): each product's figures,
the lines matched to none, gross profit, margin, refunds and net GMV; null where an input is
missing."""

from test_cli import ok_json, run

from liveplanner.app.workspace import open_database
from liveplanner.core.product_sales import ProductImport, ProductSales
from liveplanner.storage import shows
from liveplanner.storage.product_sales import replace_product_sales

NEW_KEYS = {"gross_profit", "margin", "refunds", "net_gmv"}


def demo_with_products(url: str) -> tuple[int, dict[int, str]]:
    """The demo show with a product export: its first product sold 300 (of 3,000), its second
    none known, and a line the show's products do not hold."""
    show_id = ok_json("demo", db=url)["show_id"]
    db = open_database(url)
    plan = shows.load_plan(db, show_id)
    first = plan.products[0]
    lines = [
        ProductSales(
            2,
            first.name,
            "9001",
            first.id,
            clicks=1_200,
            sold=300,
            gmv_fen=300 * 12_900,
            refunds_fen=12_900,
        ),
        ProductSales(3, "赠品袋", "", None, clicks=None, sold=10, gmv_fen=0),
    ]
    replace_product_sales(db, show_id, ProductImport("products.csv"), lines)
    db.close()
    return show_id, {p.id: p.name for p in plan.products}


def test_review_json_lists_each_product_and_the_show_s_gross_profit(sqlite_url: str) -> None:
    show_id, names = demo_with_products(sqlite_url)
    data = ok_json("review", str(show_id), db=sqlite_url)
    products = data["products"]
    assert [p["name"] for p in products] == list(names.values())
    power_bank = products[0]
    assert set(power_bank) >= {
        "name", "link", "stock", "sold", "sell_through", "clicks", "conversion", "gmv",
        "gross_profit", "segments",
    }  # fmt: skip
    # 300 of 3,000 sold: 10 %, under a fifth of the stock; 300 / 1,200 clicks; 300 x (¥129 - ¥68).
    assert power_bank["stock"] == 3_000 and power_bank["sold"] == 300
    assert power_bank["sell_through"] == 0.1 and power_bank["conversion"] == 0.25
    assert power_bank["gmv"] == 38_700.0 and power_bank["gross_profit"] == 300 * 61.0
    assert power_bank["flags"] == ["under_20"]
    assert power_bank["segments"], "the demo pitches it"
    # A product the export does not list: no figures, not zeros.
    second = products[1]
    assert second["sold"] is None and second["gross_profit"] is None and second["gmv"] is None
    assert second["sell_through"] is None and second["flags"] == []
    (gift,) = data["unmatched_products"]
    assert gift["name"] == "赠品袋" and gift["flags"] == ["not_in_plan"] and gift["stock"] is None
    money = data["efficiency"]
    assert set(money) >= NEW_KEYS
    assert money["gross_profit"] == 18_300.0
    assert money["margin"] == round(18_300 / 38_700, 4)
    assert money["refunds"] == 129.0
    assert money["net_gmv"] == round(data["totals"]["gmv"] - 129, 2)
    # The segments that pitched the power bank share its 300 items and its ¥18,300.
    pitched = [s for s in data["segments"] if s["position"] in power_bank["segments"]]
    assert sum(s["items_sold"] for s in pitched) == 300
    assert round(sum(s["gross_profit"] for s in pitched), 2) == 18_300.0
    others = [s for s in data["segments"] if s["position"] not in power_bank["segments"]]
    assert all(s["items_sold"] is None for s in others)
    assert all(set(s["efficiency"]) >= NEW_KEYS for s in data["segments"])


def test_review_json_without_a_product_export_has_nulls_not_zeros(sqlite_url: str) -> None:
    show_id = ok_json("demo", db=sqlite_url)["show_id"]
    db = open_database(sqlite_url)
    replace_product_sales(db, show_id, ProductImport("empty.csv"), [])  # no product figures
    db.close()
    data = ok_json("review", str(show_id), db=sqlite_url)
    assert data["products"] == [] and data["unmatched_products"] == []
    assert all(data["efficiency"][key] is None for key in NEW_KEYS)
    assert all(s["items_sold"] is None and s["gross_profit"] is None for s in data["segments"])


def test_review_text_lists_the_products_with_their_marks(sqlite_url: str) -> None:
    show_id, names = demo_with_products(sqlite_url)
    result = run("review", str(show_id), db=sqlite_url)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "Products:" in text
    line = next(row for row in text.splitlines() if row.endswith(f"{names[1]} (under 20 %)"))
    assert "300" in line and "3,000" in line and "10%" in line and "18,300" in line
    assert any(row.endswith("赠品袋 (not in plan)") for row in text.splitlines())
