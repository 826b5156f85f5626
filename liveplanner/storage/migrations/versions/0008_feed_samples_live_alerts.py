"""the live feed's minutes beside each run, and each show's live alerts

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 18:00:00

feed_samples keeps the platform's figures a live feed brought during a run (a growing file, a
collector's JSON lines, floor control's typing), one row per minute and metric, written as they
arrive; they are apart from metric_samples, which hold the show's reviewed metrics (an import's,
or the feed's once the run ended). live_alerts holds a show's thresholds for the live alerts.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "feed_samples",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("minute", sa.DateTime(), nullable=False),
        sa.Column("metric", sa.String(length=32), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name=op.f("fk_feed_samples_run_id_runs"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("run_id", "minute", "metric", name=op.f("pk_feed_samples")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "live_alerts",
        sa.Column("show_id", sa.Integer(), nullable=False),
        sa.Column("viewers_drop_bp", sa.Integer(), nullable=True),
        sa.Column("viewers_window_min", sa.Integer(), nullable=True),
        sa.Column("pace_behind_bp", sa.Integer(), nullable=True),
        sa.Column("sold_out", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["show_id"], ["shows.id"], name=op.f("fk_live_alerts_show_id_shows"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("show_id", name=op.f("pk_live_alerts")),
    )


def downgrade() -> None:
    op.drop_table("live_alerts")
    op.drop_table("feed_samples")
