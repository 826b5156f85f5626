"""`liveplanner import-products`, run as a user runs it: in this process through main(argv), and
once in a process of its own."""

import json
from contextlib import closing
from pathlib import Path

from test_cli import ok_json, run, run_process

from liveplanner.app.demo_products import DEMO_PRODUCT_FILE
from liveplanner.app.workspace import open_database
from liveplanner.storage import shows
from liveplanner.storage.product_sales import product_sales

FIXTURE = Path(__file__).parent / "fixtures" / "products" / DEMO_PRODUCT_FILE


def test_the_demo_s_export_is_matched_and_stored_and_reported_as_json(db_url: str) -> None:
    show_id = ok_json("demo", db=db_url)["show_id"]
    data = ok_json("import-products", str(FIXTURE), "--show", str(show_id), db=db_url)
    assert data["show_id"] == show_id and data["file"] == FIXTURE.name
    assert data["preset"] == "douyin" and data["stored"] == 8
    assert data["columns"]["成交金额(元)"] == "gmv" and data["columns"]["点击-成交转化率"] is None
    assert len(data["matched"]) == 7
    assert data["matched"][0] == {
        "row": 3,
        "name": "磁吸无线充电宝 10000MAH",
        "link": "3628019283746512001",
        "product_id": data["matched"][0]["product_id"],
        "product": "磁吸无线充电宝 10000mAh",
        "matched_by": "name",
        "exposures": 186000,
        "clicks": 28000,
        "add_to_cart": 5200,
        "sold": 3000,
        "gmv": 351000,
        "refunds": 2580,
    }
    (gift,) = data["unmatched"]
    assert gift["name"] == "直播间福袋·快充收纳包（赠品）" and "product_id" not in gift
    assert gift["clicks"] is None and gift["refunds"] is None  # "-" in the file: not 0
    assert data["total_rows"] == [11]
    assert "columns not imported: 点击-成交转化率" in data["warnings"]
    with closing(open_database(db_url)) as db:
        assert len(product_sales(db, show_id)) == 8


def test_a_dry_run_prints_the_matching_and_stores_nothing(db_url: str) -> None:
    show_id = ok_json("new-show", "--title", "双11", "--start", "2026-11-11 19:30", db=db_url)[
        "show_id"
    ]
    result = run("import-products", str(FIXTURE), "--show", str(show_id), "--dry-run", db=db_url)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "8 products, 0 matched to the show's products; GB18030 (GBK); layout: douyin"
    assert "not matched: row 3, 磁吸无线充电宝 10000MAH" in lines
    assert "left out as totals: rows 11" in lines  # the export's 合计 row, said
    assert lines[-1] == "not stored (--dry-run)"
    with closing(open_database(db_url)) as db:
        assert product_sales(db, show_id) == ()


def test_map_reads_a_column_by_its_header(sqlite_url: str, tmp_path: Path) -> None:
    show_id = ok_json("demo", db=sqlite_url)["show_id"]
    export = tmp_path / "export.csv"
    export.write_text("款式,件数,单号\n桌面折叠手机支架,12,A1\n", encoding="utf-8")
    args = ("import-products", str(export), "--show", str(show_id), "--json")
    maps = ("--map", "款式=name", "--map", "件数=sold", "--map", "单号=-")
    data = json.loads(run(*args, *maps, db=sqlite_url).stdout)
    assert data["columns"] == {"款式": "name", "件数": "sold", "单号": None}
    assert data["matched"][0]["sold"] == 12 and data["matched"][0]["gmv"] is None
    bad = run(*args, "--map", "件数=qty", db=sqlite_url)
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.startswith("liveplanner: “qty” is not a product figure liveplanner knows")
    shape = run(*args, "--map", "件数", db=sqlite_url)
    assert shape.returncode == 2 and "is not HEADER=FIELD" in shape.stderr


def test_a_refusal_is_one_line_exit_2_and_changes_nothing(sqlite_url: str, tmp_path: Path) -> None:
    show_id = ok_json("demo", db=sqlite_url)["show_id"]
    with closing(open_database(sqlite_url)) as db:
        before = product_sales(db, show_id)
    export = tmp_path / "export.csv"
    export.write_text("商品名称,成交件数\n保温杯,3\n保温杯2,1.2万万\n", encoding="utf-8")
    result = run("import-products", str(export), "--show", str(show_id), db=sqlite_url)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        "liveplanner: export.csv, row 3, column “成交件数”: “1.2万万” is not a count; expected "
        "such as 1234, 1,234.5, 1.2万 or ¥99\n"
    )
    nope = str(tmp_path / "nope.csv")
    missing = run("import-products", nope, "--show", str(show_id), db=sqlite_url)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
    with closing(open_database(sqlite_url)) as db:
        assert product_sales(db, show_id) == before


def test_the_command_runs_in_a_process_of_its_own(sqlite_url: str) -> None:
    assert run_process("--database", sqlite_url, "demo").returncode == 0
    result = run_process(
        "--database", sqlite_url, "import-products", str(FIXTURE), "--show", "1", "--json"
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["stored"] == 8


def test_a_show_in_the_bin_takes_no_export(sqlite_url: str, tmp_path: Path) -> None:
    show_id = ok_json("new-show", "--title", "双11", "--start", "2026-11-11 19:30", db=sqlite_url)[
        "show_id"
    ]
    with closing(open_database(sqlite_url)) as db:
        shows.delete_show(db, show_id)
    minutes = tmp_path / "minutes.csv"
    minutes.write_text("时间,成交金额(元)\n2026-11-11 19:31,10\n", encoding="utf-8")
    for command, path in (("import-products", FIXTURE), ("import-metrics", minutes)):
        for dry in ((), ("--dry-run",)):
            result = run(command, str(path), "--show", str(show_id), *dry, db=sqlite_url)
            assert result.returncode == 2, (command, dry)
            assert result.stderr == f"liveplanner: there is no show {show_id}\n"
    with closing(open_database(sqlite_url)) as db:
        assert product_sales(db, show_id) == ()
