"""Advice from history for a show (issue 20): its plan, the team's earlier shows as the
database aggregates them (storage.advice), and core's projection and suggestions from them."""

from dataclasses import dataclass

from liveplanner.app.reviews import attribution_lag
from liveplanner.core.advice_suggestions import Advice, advise
from liveplanner.core.plan import ShowPlan
from liveplanner.storage.advice import advice_history
from liveplanner.storage.database import Database
from liveplanner.storage.shows import load_plan


@dataclass(frozen=True, slots=True)
class ShowAdvice:
    plan: ShowPlan
    advice: Advice


def show_advice(db: Database, show_id: int, lag: int | None = None) -> ShowAdvice:
    """The show's advice from the shows planned before it (sales credited `lag` minutes after
    the pitch, else the saved preference); an unknown show is refused as everywhere."""
    plan = load_plan(db, show_id)
    history = advice_history(db, plan, attribution_lag(lag))
    return ShowAdvice(plan, advise(plan, history))
