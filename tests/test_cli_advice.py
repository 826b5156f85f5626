"""`liveplanner advise ID [--json]`, run as a user runs it (in-process, main(argv)), on the demo
and its season of earlier shows (app.demo_season)."""

from test_cli import ok_json, run

CHINESE = {"LANG": "zh_CN.UTF-8"}
SUGGESTION_KEYS = {"kind", "position", "message", "figures", "change"}


def test_the_demo_is_projected_from_its_season_with_suggestions_of_several_kinds(
    db_url: str,
) -> None:
    show_id = ok_json("demo", db=db_url)["show_id"]
    data = ok_json("advise", str(show_id), db=db_url)

    assert set(data) == {"show_id", "basis", "projection", "reason", "segments", "suggestions"}
    assert data["show_id"] == show_id and data["reason"] is None
    basis = data["basis"]
    assert set(basis) == {"shows", "platform", "slot"}
    assert len(basis["shows"]) >= 3 and show_id not in basis["shows"]
    assert (basis["platform"], basis["slot"]) == ("douyin", "17:30-21:30")
    gmv = data["projection"]["gmv"]
    assert set(gmv) == {"low", "mid", "high"}
    assert 0 < gmv["low"] <= gmv["mid"] <= gmv["high"]
    segments = data["segments"]
    assert [s["position"] for s in segments] == list(range(1, 29))
    for s in segments:
        assert set(s) == {"position", "gmv_low", "gmv_mid", "gmv_high"}
        assert 0 <= s["gmv_low"] <= s["gmv_mid"] <= s["gmv_high"]
    assert round(sum(s["gmv_mid"] for s in segments), 2) == gmv["mid"]
    suggestions = data["suggestions"]
    assert all(set(s) == SUGGESTION_KEYS for s in suggestions)
    kinds = {s["kind"] for s in suggestions}
    assert {"move_benefit", "prime_product", "length", "stock"} <= kinds
    stock = next(s for s in suggestions if s["kind"] == "stock")
    assert stock["change"] == {"product": stock["change"]["product"], "stock": 3600}
    assert stock["message"].startswith("磁吸无线充电宝 10000mAh sold out in ")
    prime = next(s for s in suggestions if s["kind"] == "prime_product")
    assert isinstance(prime["figures"]["per_min"], float)  # yuan, not fen
    assert set(prime["change"]) == {"move", "to"}


def test_the_text_reads_the_projection_and_numbered_suggestions(sqlite_url: str) -> None:
    run("demo", db=sqlite_url)
    lines = run("advise", "1", db=sqlite_url).stdout.splitlines()

    assert lines[0] == "双11数码配件专场 (show 1): advice from 8 earlier shows"
    assert lines[2].startswith("Projected GMV ") and "(range " in lines[2]
    assert lines[3].split() == ["#", "low", "mid", "high", "title"]
    assert lines[4].split()[0] == "1" and lines[4].endswith("开场暖场·今日福利预告")
    at = lines.index("Suggestions:")
    assert lines[at + 1].startswith("  1. past viewers fell away by ")


def test_a_chinese_user_reads_chinese_advice_and_the_same_json(sqlite_url: str) -> None:
    run("demo", db=sqlite_url)
    text = run("advise", "1", db=sqlite_url, env=CHINESE).stdout

    assert text.startswith("双11数码配件专场（第 1 场）：依据此前 8 场直播的建议\n")
    assert "预计成交 " in text and "\n建议：\n" in text
    assert "观众流失" in text and "（发券）" in text and "售罄" in text
    chinese = run("advise", "1", "--json", db=sqlite_url, env=CHINESE).stdout
    assert chinese == run("advise", "1", "--json", db=sqlite_url).stdout


def test_too_few_earlier_shows_say_so_instead_of_projecting(sqlite_url: str) -> None:
    made = ok_json(
        "new-show", "--title", "首播", "--start", "2026-12-12 20:00", "--template", "flash_1h",
        db=sqlite_url,
    )  # fmt: skip
    data = ok_json("advise", str(made["show_id"]), db=sqlite_url)
    assert data["projection"] is None and data["segments"] == []
    assert data["basis"] == {"shows": [], "platform": None, "slot": None}
    assert data["reason"].startswith(
        "only 0 earlier shows that sold, by their GMV figures; 3 needed"
    )
    text = run("advise", str(made["show_id"]), db=sqlite_url, env=CHINESE).stdout
    assert "至少需要 3 场：不做预测" in text
    blank = ok_json("new-show", "--title", "空", "--start", "2026-12-12 20:00", db=sqlite_url)
    nothing = ok_json("advise", str(blank["show_id"]), db=sqlite_url)
    assert nothing["reason"] == "the show has no segments yet: nothing to project"


def test_an_unknown_show_is_refused_with_one_line(sqlite_url: str) -> None:
    refused = run("advise", "99", db=sqlite_url)
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr == "liveplanner: there is no show 99\n"
    assert run("advise", "99", db=sqlite_url, env=CHINESE).stderr.startswith("liveplanner: ")


def test_the_text_table_keeps_figures_of_any_size_apart() -> None:
    from liveplanner.cli.advice import advice_text

    big = {"position": 1, "gmv_low": 1e11, "gmv_mid": 2e11, "gmv_high": 3e11}
    data = {
        "show_id": 4,
        "basis": {"shows": [1, 2, 3], "platform": "douyin", "slot": "17:30-21:30"},
        "projection": {"gmv": {"low": 1e11, "mid": 2e11, "high": 3e11}},
        "segments": [big],
        "suggestions": [],
    }
    text = advice_text(data, "大场", {1: "开场"}, [], "")
    row = next(line for line in text.splitlines() if line.endswith("开场"))
    assert row.split() == ["1", "100,000,000,000", "200,000,000,000", "300,000,000,000", "开场"]
