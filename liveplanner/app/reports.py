"""What a review report is written from, beyond the review itself."""

from liveplanner.app.reviews import ShowReview
from liveplanner.core.plan import time_zone

REPORT_TYPES = (".pdf", ".html", ".xlsx")


def run_started(shown: ShowReview) -> str:
    """When the reviewed live run started, as the report prints it; "" for a planned-only
    review."""
    run = next((r for r in shown.runs if r.id == shown.review.run_id), None)
    if run is None:
        return ""
    return run.started_at.astimezone(time_zone(shown.plan.show.time_zone)).strftime(
        "%Y-%m-%d %H:%M"
    )
