"""A show's whole stored record out of and into the database, as the show file carries it
(formats/showfile/): plan, runs with every event, minute metrics with their source, notes."""

from dataclasses import asdict

from sqlalchemy import insert, select

from liveplanner.core.show_record import MetricSample, MetricsSource, ShowBundle
from liveplanner.storage.database import Database
from liveplanner.storage.models import (
    MetricImportRow,
    MetricSampleRow,
    ReviewNoteRow,
    RunEventRow,
    RunRow,
)
from liveplanner.storage.notes import list_notes
from liveplanner.storage.runs import list_runs
from liveplanner.storage.samples import load_metrics
from liveplanner.storage.shows import add_plan, load_plan


def export_show(db: Database, show_id: int) -> ShowBundle:
    """Everything stored about a show; NotFoundError when there is no such show.

    Read in a few sessions, each a consistent whole; an event or note whose segment is deleted
    meanwhile is written without its segment, as for any deleted segment.
    """
    plan = load_plan(db, show_id)
    frame = load_metrics(db, show_id)
    with db.session() as session:
        source = session.scalars(
            select(MetricImportRow).where(MetricImportRow.show_id == show_id)
        ).first()
        metrics_source = (
            None
            if source is None
            else MetricsSource(
                source.file_name,
                source.preset,
                source.encoding,
                source.rows_read,
                source.imported_at,
            )
        )
    samples = tuple(
        MetricSample(minute.to_pydatetime(), metric, value)
        for minute, metric, value in zip(
            frame["minute"], frame["metric"].tolist(), frame["value"].tolist(), strict=True
        )
    )
    return ShowBundle(
        plan=plan,
        runs=tuple(list_runs(db, show_id)),
        samples=samples,
        metrics_source=metrics_source,
        notes=tuple(list_notes(db, show_id)),
    )


def import_show(db: Database, bundle: ShowBundle) -> int:
    """Store the bundle as a new show and return its id. One transaction: if any of it fails,
    nothing is stored. People are matched by name, as for any plan saved."""
    with db.session() as session:
        saved = add_plan(session, bundle.plan)
        show_id = saved.show_id
        # Events and notes of a deleted segment have none; they keep it so.
        segment_id: dict[int | None, int | None] = {None: None}
        segment_id.update(saved.segment_ids.items())
        for run in bundle.runs:
            session.add(
                RunRow(
                    show_id=show_id,
                    kind=run.kind,
                    started_at=run.started_at,
                    ended_at=run.ended_at,
                    events=[
                        RunEventRow(
                            seq=e.seq,
                            kind=e.kind,
                            wall_time=e.wall_time,
                            monotonic_s=e.monotonic_s,
                            segment_id=segment_id.get(e.segment_id),
                            segment_position=e.segment_position,
                            seconds=e.seconds,
                            text=e.text,
                        )
                        for e in run.events
                    ],
                )
            )
        for note in bundle.notes:
            session.add(
                ReviewNoteRow(
                    show_id=show_id,
                    category=note.category,
                    text=note.text,
                    owner=note.owner,
                    segment_id=segment_id.get(note.segment_id),
                    minute=note.minute,
                )
            )
        if bundle.metrics_source is not None:
            session.add(MetricImportRow(show_id=show_id, **asdict(bundle.metrics_source)))
        if bundle.samples:
            # One executemany through Core, not an ORM object per sample. A show has some
            # thousands (minutes x metrics), so SQLAlchemy's own binding is quick enough here.
            session.execute(
                insert(MetricSampleRow.__table__),
                [
                    {"show_id": show_id, "metric": s.metric, "minute": s.minute, "value": s.value}
                    for s in bundle.samples
                ],
            )
        return show_id
