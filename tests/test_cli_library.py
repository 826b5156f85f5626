"""`liveplanner template ...`, `new-show --template` and `liveplanner library ...`, run as a user
runs them (in-process, main(argv))."""

from test_cli import ok_json, run

from liveplanner.app.shows import show_plan
from liveplanner.app.workspace import open_database


def _demo(db: str) -> int:
    return int(ok_json("demo", db=db)["show_id"])


def test_a_show_saved_as_a_template_starts_new_shows(db_url: str) -> None:
    demo = _demo(db_url)
    saved = ok_json("template", "save", str(demo), "--name", " 双11 大场 ", db=db_url)
    assert set(saved) == {"name", "saved_at", "saved_by", "segments", "total_s", "products"}
    assert saved["name"] == "双11 大场" and saved["products"] == 0
    assert saved["total_s"] == 3 * 3600
    refused = run("template", "save", str(demo), "--name", "双11 大场", db=db_url)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert "exists already" in refused.stderr
    again = ok_json(
        "template", "save", str(demo), "--name", "双11 大场", "--with-products", "--replace",
        db=db_url,
    )  # fmt: skip
    assert again["products"] > 0
    assert [t["name"] for t in ok_json("template", "list", db=db_url)] == ["双11 大场"]

    made = ok_json(
        "new-show", "--title", "双12", "--start", "2026-12-12 19:00", "--template", "双11 大场",
        db=db_url,
    )  # fmt: skip
    plan = ok_json("show", str(made["show_id"]), db=db_url)
    demo_plan = ok_json("show", str(demo), db=db_url)
    assert plan["title"] == "双12" and plan["planned_start"] == "2026-12-12T19:00:00"
    assert [s["title"] for s in plan["segments"]] == [s["title"] for s in demo_plan["segments"]]
    built_in = ok_json(
        "new-show", "--title", "快闪", "--start", "2026-12-13 20:00", "--template", "flash_1h",
        db=db_url,
    )  # fmt: skip
    assert ok_json("show", str(built_in["show_id"]), db=db_url)["total_s"] == 3600

    assert ok_json("template", "delete", "双11 大场", db=db_url) == {"deleted": "双11 大场"}
    gone = run(
        "new-show", "--title", "x", "--start", "2026-12-12 19:00", "--template", "双11 大场",
        db=db_url,
    )  # fmt: skip
    assert gone.returncode == 2 and "no team template" in gone.stderr


def test_library_products_are_kept_picked_and_followed_across_shows(db_url: str) -> None:
    demo = _demo(db_url)
    db = open_database(db_url)
    try:
        plan = show_plan(db, demo)
    finally:
        db.close()
    product_id = plan.segments[2].product_id
    pitched = plan.product(product_id).name
    kept = ok_json("library", "save", str(demo), str(product_id), db=db_url)
    assert set(kept) == {"id", "name", "sku", "list_price", "cost"} and kept["name"] == pitched

    added = ok_json(
        "library", "add", "--name", "面霜", "--sku", "C-1", "--cost", "12.5", "--list-price",
        "1.2万", db=db_url,
    )  # fmt: skip
    assert (added["cost"], added["list_price"]) == (12.5, 12_000)
    edited = ok_json("library", "edit", str(added["id"]), "--list-price", "", db=db_url)
    assert edited["list_price"] is None and edited["cost"] == 12.5
    listed = ok_json("library", "list", db=db_url)
    assert sorted(p["name"] for p in listed) == sorted([pitched, "面霜"])

    show = ok_json("new-show", "--title", "返场", "--start", "2026-12-01 20:00", db=db_url)
    picked = ok_json("library", "pick", str(kept["id"]), "--show", str(show["show_id"]), db=db_url)
    assert picked["show_id"] == show["show_id"]
    twice = run("library", "pick", str(kept["id"]), "--show", str(show["show_id"]), db=db_url)
    assert twice.returncode == 2 and "already" in twice.stderr

    data = ok_json("library", "history", str(kept["id"]), db=db_url)
    assert data["product"]["id"] == kept["id"]
    # The demo's campaign holds more shows with its products; the show picked into is the last.
    by_show = {h["show_id"]: h for h in data["shows"]}
    first, second = by_show[demo], data["shows"][-1]
    assert set(first) == {
        "show_id", "title", "date", "platform", "product_id", "stock", "sold", "sell_through",
        "gmv_per_min",
    }  # fmt: skip
    assert (first["show_id"], first["date"]) == (demo, "2026-11-11")
    assert first["gmv_per_min"] is not None and first["gmv_per_min"] > 0
    assert second["show_id"] == show["show_id"]
    # Picked with no stock, and the show has no figures yet: missing, never 0.
    assert (second["stock"], second["sold"], second["sell_through"], second["gmv_per_min"]) == (
        None,
        None,
        None,
        None,
    )
    text = run("library", "history", str(kept["id"]), db=db_url)
    assert text.returncode == 0 and "—" in text.stdout

    assert ok_json("library", "delete", str(added["id"]), db=db_url) == {"deleted": added["id"]}


def test_library_refusals_are_one_line_with_exit_2(sqlite_url: str) -> None:
    def refused(*args: str) -> str:
        result = run(*args, db=sqlite_url)
        assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
        return result.stderr

    assert "no library product 9" in refused("library", "history", "9")
    assert "not an amount" in refused("library", "add", "--name", "x", "--cost", "abc")
    assert "nothing to change" in refused("library", "edit", "1")
    assert "no library product 1" in refused("library", "pick", "1", "--show", "4")
    ok_json("library", "add", "--name", "面霜", db=sqlite_url)
    assert "no show 4" in refused("library", "pick", "1", "--show", "4")
    assert "already" in refused("library", "add", "--name", " 面霜 ")
    show = ok_json("new-show", "--title", "x", "--start", "2026-12-01 20:00", db=sqlite_url)
    assert "built-in" in refused("template", "save", str(show["show_id"]), "--name", "flash_1h")
    assert "no team template" in refused("template", "delete", "nope")
    assert "not a library product id" in refused("library", "delete", "x")


def test_chinese_users_are_answered_in_chinese(sqlite_url: str) -> None:
    zh = {"LANG": "zh_CN.UTF-8"}
    result = run("library", "history", "9", db=sqlite_url, env=zh)
    assert result.returncode == 2 and "商品库" in result.stderr, result.stderr
    made = run("library", "add", "--name", "面霜", db=sqlite_url, env=zh)
    assert made.returncode == 0 and "商品库" in made.stdout, made.stdout
    listed = run("template", "list", db=sqlite_url, env=zh)
    assert listed.returncode == 0 and "模板" in listed.stdout, listed.stdout
