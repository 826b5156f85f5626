"""`liveplanner campaign ...`, run as a user runs it (in-process, main(argv))."""

from test_cli import ok_json, run

from liveplanner.cli.parser import routed


def _new_show(db: str, start: str, platform: str) -> int:
    made = ok_json("new-show", "--title", "返场", "--start", start, "--platform", platform, db=db)
    return int(made["show_id"])


def test_a_campaign_json_has_the_specified_fields_and_pace(db_url: str) -> None:
    demo = ok_json("demo", db=db_url)["show_id"]
    later = _new_show(db_url, "2026-11-20 20:00", "taobao")
    made = ok_json(
        "campaign", "new", "--title", "双11 大促", "--start", "2026-11-01", "--end",
        "2026-11-30", "--target-gmv", "2,000,000", db=db_url,
    )  # fmt: skip
    assert made["title"] == "双11 大促" and made["target_gmv"] == 2_000_000
    cid = str(made["id"])
    assert ok_json("campaign", "add", cid, str(later), str(demo), db=db_url)["show_ids"] == [
        demo,
        later,
    ]
    data = ok_json("campaign", cid, "--now", "2026-11-15", db=db_url)
    assert {"id", "title", "start", "end", "targets", "shows", "totals", "pace"} <= set(data)
    assert (data["start"], data["end"]) == ("2026-11-01", "2026-11-30")
    first, second = data["shows"]
    assert set(first) == {"show_id", "title", "platform", "planned_start", "gmv"}
    assert first["show_id"] == demo and first["planned_start"] == "2026-11-11T19:30+08:00"
    assert second["platform"] == "taobao" and second["gmv"] is None  # to come: null, not 0
    gmv = first["gmv"]
    assert gmv is not None and data["totals"]["gmv"] == gmv
    assert data["pace"] == [
        {"date": "2026-11-11", "gmv": gmv, "cumulative": gmv, "target_cumulative": 1_000_000.0},
        {"date": "2026-11-20", "gmv": None, "cumulative": None, "target_cumulative": 2_000_000.0},
    ]
    assert data["totals"]["remaining_shows"] == 1
    assert data["totals"]["needed_per_remaining_show"] == round(2_000_000 - gmv, 2)
    assert data["targets"]["gmv"]["target"] == 2_000_000 and data["targets"]["gmv"]["met"] is False
    assert [p["platform"] for p in data["by_platform"]] == ["douyin", "taobao"]
    assert data["segment_kinds"]["best"] is not None
    # removed, listed, deleted
    assert ok_json("campaign", "remove", cid, str(later), db=db_url)["show_ids"] == [demo]
    listed = [c["id"] for c in ok_json("campaign", "list", db=db_url)]
    assert made["id"] in listed and len(listed) == 2  # the demo's campaign and this one
    text = run("campaign", cid, "--now", "2026-11-15", db=db_url).stdout
    assert "双11 大促" in text and "2026-11-11" in text
    assert run("campaign", "delete", cid, db=db_url).returncode == 0
    assert made["id"] not in [c["id"] for c in ok_json("campaign", "list", db=db_url)]


def test_the_demo_adds_a_campaign_on_two_platforms_with_shows_to_come(sqlite_url: str) -> None:
    demo = ok_json("demo", db=sqlite_url)["show_id"]
    [listed] = ok_json("campaign", "list", db=sqlite_url)
    data = ok_json("campaign", str(listed["id"]), "--now", "2026-11-12", db=sqlite_url)
    assert data["title"] == "双11 大促" and demo in [s["show_id"] for s in data["shows"]]
    assert len(data["shows"]) == 5
    assert {s["platform"] for s in data["shows"]} == {"douyin", "taobao"}
    assert sum(s["gmv"] is not None for s in data["shows"]) == 3
    assert data["totals"]["remaining_shows"] == 2
    assert data["totals"]["needed_per_remaining_show"] > 0
    assert data["segment_kinds"]["best"] is not None


def test_refusals_exit_2_with_one_line(sqlite_url: str) -> None:
    def refused(*args: str) -> str:
        result = run(*args, db=sqlite_url)
        assert result.returncode == 2, result
        assert result.stdout == "" and result.stderr.count("\n") == 1, result.stderr
        return result.stderr

    assert "before it starts" in refused(
        "campaign", "new", "--title", "x", "--start", "2026-11-11", "--end", "2026-11-01"
    )
    assert "title" in refused(
        "campaign", "new", "--title", "  ", "--start", "2026-11-01", "--end", "2026-11-02"
    )
    assert "not a date" in refused(
        "campaign", "new", "--title", "x", "--start", "11/11", "--end", "2026-11-02"
    )
    assert "--target-gmv" in refused(
        "campaign", "new", "--title", "x", "--start", "2026-11-01", "--end", "2026-11-02",
        "--target-gmv", "lots",
    )  # fmt: skip
    assert "no campaign 7" in refused("campaign", "7")
    assert "no campaign 7" in refused("campaign", "add", "7", "1")
    made = ok_json(
        "campaign", "new", "--title", "x", "--start", "2026-11-01", "--end", "2026-11-02",
        db=sqlite_url,
    )  # fmt: skip
    assert "no show 99" in refused("campaign", "add", str(made["id"]), "99")
    assert "not a campaign id" in refused("campaign", "delete", "x")


def test_chinese_users_are_refused_in_chinese(sqlite_url: str) -> None:
    result = run(
        "campaign", "new", "--title", "x", "--start", "2026-11-11", "--end", "2026-11-01",
        db=sqlite_url, env={"LANG": "zh_CN.UTF-8"},
    )  # fmt: skip
    assert result.returncode == 2 and "活动" in result.stderr, result.stderr


def test_a_campaign_number_is_routed_to_show_but_nothing_else() -> None:
    assert routed(["campaign", "3", "--json"]) == ["campaign", "show", "3", "--json"]
    assert routed(["--database", "campaign", "campaign", "3"]) == [
        "--database", "campaign", "campaign", "show", "3",
    ]  # fmt: skip
    assert routed(["campaign", "add", "3", "4"]) == ["campaign", "add", "3", "4"]
    assert routed(["show", "campaign", "3"]) == ["show", "campaign", "3"]
