"""The history a show's advice reads from the database (storage.advice), on the demo's season."""

from liveplanner.app.demo import create_demo
from liveplanner.storage.advice import advice_history
from liveplanner.storage.database import Database
from liveplanner.storage.shows import delete_show, load_plan


def test_the_history_is_the_shows_before_it_with_their_gmv_viewers_products_and_takes(
    db: Database,
) -> None:
    show_id = create_demo(db, campaign=True)
    plan = load_plan(db, show_id)
    history = advice_history(db, plan, lag=2)

    # The campaign's two shows before it and the season's seven; the two to come are not.
    by_id = {s.show_id: s for s in history.shows}
    assert sorted(by_id) == [2, 3, *range(6, 13)]
    season = by_id[6]
    assert season.start.strftime("%H:%M") == "19:00" and season.platform.value == "douyin"
    assert [s.minute for s in season.segments[:3]] == [0, 8, 13]
    assert all(s.gmv_fen is not None and not s.ran for s in season.segments)
    assert len(season.viewers) >= 180
    assert {p.key for p in season.products} >= {"pb-10k", "std-01"}
    assert next(p for p in season.products if p.key == "pb-10k").stock == 3000
    # The demo show's own rehearsal take, segment by segment: its opening ran 125 %.
    opening = plan.segments[0]
    assert history.takes[opening.id] == (round(opening.duration_s * 1.25),)

    delete_show(db, 6)
    assert 6 not in {s.show_id for s in advice_history(db, plan, lag=2).shows}
