"""the live desk's log: ticks and counters beside each run

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 17:00:00

desk_events keeps what the live desk's screens logged during a run (who ticked which item, the
units floor control or a feed counted), apart from run_events: each screen logs on its own
computer's clock, and only the timer's clock places the segments.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "desk_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("wall_time", sa.DateTime(), nullable=False),
        sa.Column("item", sa.String(length=40), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("quantity", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name=op.f("fk_desk_events_run_id_runs"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desk_events")),
        sa.UniqueConstraint("run_id", "seq", name=op.f("uq_desk_events_run_id")),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("desk_events")
