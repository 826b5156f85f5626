"""metric samples clustered by their key (SQLite WITHOUT ROWID)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 04:20:00

A show's samples are written in bulk (100,000 rows for a per-second export) and read as one
range of the primary key. Without a rowid SQLite keeps the rows in the key's own b-tree: one
tree to write instead of two, and a show's series side by side on disk. PostgreSQL is unchanged.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _rebuild(with_rowid: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.create_table(
        "metric_samples_new",
        sa.Column("show_id", sa.Integer(), nullable=False),
        sa.Column("metric", sa.String(length=32), nullable=False),
        sa.Column("minute", sa.DateTime(), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["show_id"],
            ["shows.id"],
            name=op.f("fk_metric_samples_show_id_shows"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("show_id", "metric", "minute", name=op.f("pk_metric_samples")),
        sqlite_with_rowid=with_rowid,
    )
    op.execute(
        "INSERT INTO metric_samples_new (show_id, metric, minute, value) "
        "SELECT show_id, metric, minute, value FROM metric_samples"
    )
    op.drop_table("metric_samples")
    op.rename_table("metric_samples_new", "metric_samples")


def upgrade() -> None:
    _rebuild(with_rowid=False)


def downgrade() -> None:
    _rebuild(with_rowid=True)
