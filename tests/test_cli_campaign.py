"""`liveplanner campaign ...`, run as a user runs it (in-process, main(argv))."""

from pathlib import Path

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
    assert set(first) == {"show_id", "title", "platform", "planned_start", "gmv", "state"}
    assert (first["state"], second["state"]) == ("reported", "to_come")
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
    assert refused(
        "campaign", "new", "--title", "x", "--start", "9999-12-01", "--end", "9999-12-31"
    ) == (
        "liveplanner: 9999-12-01 is not a day a campaign can have; expected a day in the years "
        "2000 to 2099\n"
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


def _campaign(db: str, *extra: str) -> str:
    made = ok_json(
        "campaign", "new", "--title", "双11 大促", "--start", "2026-11-01", "--end", "2026-11-30",
        *extra, db=db,
    )  # fmt: skip
    return str(made["id"])


def test_removing_a_show_the_campaign_does_not_count_is_refused_naming_both(
    sqlite_url: str,
) -> None:
    cid = _campaign(sqlite_url)
    inside = _new_show(sqlite_url, "2026-11-12 20:00", "douyin")
    stranger = _new_show(sqlite_url, "2026-11-13 20:00", "douyin")
    ok_json("campaign", "add", cid, str(inside), db=sqlite_url)
    result = run("campaign", "remove", cid, str(inside), str(stranger), db=sqlite_url)
    assert result.returncode == 2 and result.stdout == "", result
    assert result.stderr.count("\n") == 1
    assert f"show {stranger} (返场) is not in campaign {cid} (双11 大促)" in result.stderr
    # nothing was changed: the show it does count, named first, is still counted
    assert ok_json("campaign", "list", db=sqlite_url)[0]["show_ids"] == [inside]
    chinese = run(
        "campaign", "remove", cid, str(stranger), db=sqlite_url, env={"LANG": "zh_CN.UTF-8"}
    )
    assert chinese.returncode == 2 and "不在活动" in chinese.stderr, chinese.stderr


def test_adding_a_show_again_is_a_note_and_counts_are_said_in_the_singular(
    sqlite_url: str,
) -> None:
    cid = _campaign(sqlite_url)
    show = _new_show(sqlite_url, "2026-11-12 20:00", "douyin")
    first = run("campaign", "add", cid, str(show), db=sqlite_url)
    assert first.returncode == 0 and first.stdout == f"campaign {cid} counts 1 show\n"
    again = run("campaign", "add", cid, str(show), db=sqlite_url)
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == [
        f"campaign {cid} counts 1 show",
        f"note: show {show} was in campaign {cid} already",
    ]
    data = ok_json("campaign", "add", cid, str(show), db=sqlite_url)
    assert data["already_in"] == [show] and data["show_ids"] == [show]
    zh = run("campaign", "add", cid, str(show), db=sqlite_url, env={"LANG": "zh_CN.UTF-8"})
    assert zh.stdout.splitlines()[0] == f"活动 {cid} 共计 1 场", zh.stdout
    assert "已在活动" in zh.stdout


def test_the_gmv_target_takes_the_money_forms_the_exports_use(sqlite_url: str) -> None:
    for typed, yuan in (("100万", 1_000_000), ("¥1.5亿", 150_000_000), ("2,000,000", 2e6)):
        made = ok_json(
            "campaign", "new", "--title", "x", "--start", "2026-11-01", "--end", "2026-11-02",
            "--target-gmv", typed, db=sqlite_url,
        )  # fmt: skip
        assert made["target_gmv"] == yuan, typed
    refused = run(
        "campaign", "new", "--title", "x", "--start", "2026-11-01", "--end", "2026-11-02",
        "--target-gmv", "1.2345678万", db=sqlite_url,
    )  # fmt: skip
    assert refused.returncode == 2 and "two decimals" in refused.stderr


def test_the_text_writes_yuan_as_the_review_does_and_one_show_to_come(sqlite_url: str) -> None:
    cid = _campaign(sqlite_url, "--target-gmv", "1234567.5")
    show = _new_show(sqlite_url, "2026-11-20 20:00", "taobao")
    ok_json("campaign", "add", cid, str(show), db=sqlite_url)
    text = run("campaign", cid, "--now", "2026-11-15", db=sqlite_url).stdout
    assert "GMV — of target 1,234,568" in text
    assert "1 show to come; it needs 1,234,568" in text
    listed = run("campaign", "list", db=sqlite_url).stdout
    assert "1,234,568" in listed


def test_a_show_outside_the_campaign_s_dates_is_counted_with_a_warning(sqlite_url: str) -> None:
    cid = _campaign(sqlite_url)
    inside = _new_show(sqlite_url, "2026-11-12 20:00", "douyin")
    early = _new_show(sqlite_url, "2026-10-28 20:00", "douyin")
    result = run("campaign", "add", cid, str(inside), str(early), db=sqlite_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"campaign {cid} counts 2 shows",
        f"warning: show {early} (返场) is planned for 2026-10-28, outside the campaign's dates "
        "(2026-11-01 – 2026-11-30); it is counted",
    ]
    data = ok_json("campaign", "add", cid, str(early), db=sqlite_url)
    assert data["show_ids"] == [early, inside]
    [warning] = data["warnings"]
    assert warning["show_id"] == early and warning["date"] == "2026-10-28"
    zh = run("campaign", "add", cid, str(early), db=sqlite_url, env={"LANG": "zh_CN.UTF-8"})
    assert "不在活动日期（2026-11-01 – 2026-11-30）内" in zh.stdout, zh.stdout


def test_the_demo_after_it_ended_names_its_shows_without_figures(sqlite_url: str) -> None:
    ok_json("demo", db=sqlite_url)
    [listed] = ok_json("campaign", "list", db=sqlite_url)
    cid = str(listed["id"])
    data = ok_json("campaign", cid, "--now", "2026-12-04", db=sqlite_url)
    assert (data["start"], data["end"]) == ("2026-10-25", "2026-11-30")  # the demo's fixed dates
    assert [s["state"] for s in data["shows"]] == ["reported"] * 3 + ["no_figures"] * 2
    assert [s["gmv"] for s in data["shows"][3:]] == [None, None]  # missing, never 0
    assert data["totals"]["remaining_shows"] == 0
    assert data["totals"]["shows_without_figures"] == 2
    missing = [str(s["show_id"]) for s in data["shows"][3:]]
    text = run("campaign", cid, "--now", "2026-12-04", db=sqlite_url).stdout
    assert "no shows to come" in text
    assert (
        f"2 shows without figures: their dates have passed and no metrics were imported "
        f"({', '.join(missing)})" in text
    )
    assert text.count("no figures") == 2  # the two rows' state
    zh = run("campaign", cid, "--now", "2026-12-04", db=sqlite_url, env={"LANG": "zh_CN.UTF-8"})
    assert "2 场没有数据：日期已过" in zh.stdout and "没有待播场次" in zh.stdout, zh.stdout


def test_the_campaign_report_is_written_from_the_command_line(
    sqlite_url: str, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    ok_json("demo", db=sqlite_url)
    cid = str(ok_json("campaign", "list", db=sqlite_url)[0]["id"])
    pdf = tmp_path / "双11.pdf"
    result = run("campaign", cid, "--now", "2026-12-04", "--report", str(pdf), db=sqlite_url)
    assert result.returncode == 0 and result.stdout == f"wrote {pdf}\n", result.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    book = tmp_path / "双11.xlsx"
    data = ok_json("campaign", cid, "--now", "2026-12-04", "--report", str(book), db=sqlite_url)
    assert data["report"] == str(book) and data["title"] == "双11 大促"
    sheets = load_workbook(book, read_only=True)
    assert sheets.sheetnames[:3] == ["Summary", "Shows", "Pace"]
    shows = list(sheets["Shows"].iter_rows(values_only=True))
    assert shows[0] == ("Start", "Platform", "Title", "GMV", "State")
    assert [row[3] for row in shows[1:]][3:] == [None, None]  # no figures: empty, not 0
    assert shows[-1][4] == "no figures: date passed, no metrics imported"
    summary = dict(
        row[:2] for row in sheets["Summary"].iter_rows(values_only=True) if row and row[0]
    )
    assert summary["Target"] == 5_000_000 and summary["Shows without figures"] == 2
    refused = run("campaign", cid, "--report", str(tmp_path / "x.html"), db=sqlite_url)
    assert (
        refused.returncode == 2
        and "x.html: a campaign report is written as .pdf or .xlsx" in refused.stderr
    )
    assert not (tmp_path / "x.html").exists()
    zh = run(
        "campaign", cid, "--report", str(tmp_path / "x.doc"), db=sqlite_url,
        env={"LANG": "zh_CN.UTF-8"},
    )  # fmt: skip
    assert zh.returncode == 2 and "活动报告" in zh.stderr, zh.stderr


def test_a_campaign_is_edited_and_refused_as_new_is(sqlite_url: str) -> None:
    cid = _campaign(sqlite_url, "--target-gmv", "100万")
    show = _new_show(sqlite_url, "2026-11-02 20:00", "douyin")
    ok_json("campaign", "add", cid, str(show), db=sqlite_url)
    result = run(
        "campaign", "edit", cid, "--title", "双11 返场", "--start", "2026-11-05",
        "--target-gmv", "1.5亿", "--target-roi", "2.5", "--target-max-refund", "8",
        "--target-avg-watch", "1:30", db=sqlite_url,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"changed campaign {cid}",
        f"warning: show {show} (返场) is planned for 2026-11-02, outside the campaign's dates "
        "(2026-11-05 – 2026-11-30); it is counted",
    ]
    [listed] = ok_json("campaign", "list", db=sqlite_url)
    assert (listed["title"], listed["start"], listed["end"]) == (
        "双11 返场",
        "2026-11-05",
        "2026-11-30",
    )
    assert listed["targets"] == {
        "gmv": 150_000_000, "roi": 2.5, "avg_watch_s": 90, "max_refund": 0.08,
    }  # fmt: skip
    # an empty target removes it; what is not given stays
    data = ok_json("campaign", "edit", cid, "--target-roi", "", db=sqlite_url)
    assert "roi" not in data["targets"] and data["title"] == "双11 返场"
    assert data["warnings"][0]["show_id"] == show

    def refused(*args: str, env: dict[str, str] | None = None) -> str:
        out = run("campaign", "edit", *args, db=sqlite_url, env=env)
        assert out.returncode == 2 and out.stdout == "", out
        assert out.stderr.count("\n") == 1, out.stderr
        return out.stderr

    assert "ends (2026-11-01) before it starts (2026-11-05)" in refused(cid, "--end", "2026-11-01")
    assert "no campaign 99" in refused("99", "--title", "x")
    assert "--target-gmv" in refused(cid, "--target-gmv", "lots")
    assert "--target-margin" in refused(cid, "--target-margin", "120")
    assert "not a date" in refused(cid, "--start", "11/5")
    assert "nothing to change" in refused(cid)
    assert "结束" in refused(cid, "--end", "2026-11-01", env={"LANG": "zh_CN.UTF-8"})
    assert ok_json("campaign", "list", db=sqlite_url)[0] == listed | {
        "targets": data["targets"]
    }  # nothing refused was changed
    zh = run("campaign", "edit", cid, "--title", "x", db=sqlite_url, env={"LANG": "zh_CN.UTF-8"})
    assert zh.stdout.startswith(f"已修改活动 {cid}"), zh.stdout
