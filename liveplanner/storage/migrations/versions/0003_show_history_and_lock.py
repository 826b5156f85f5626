"""a show's change history, and the unlock of an approved script

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 13:20:00

show_changes records who changed what in a show, and when; shows.unlocked marks an approved or
live show whose script someone unlocked on purpose (it is locked again at the next status).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "shows",
        sa.Column("unlocked", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.create_table(
        "show_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("show_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(length=100), nullable=False),
        sa.Column("origin", sa.String(length=32), nullable=False),
        sa.Column("entity", sa.String(length=24), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["show_id"],
            ["shows.id"],
            name=op.f("fk_show_changes_show_id_shows"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_show_changes")),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_show_changes_show_id_id", "show_changes", ["show_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_show_changes_show_id_id", table_name="show_changes")
    op.drop_table("show_changes")
    with op.batch_alter_table("shows") as batch:
        batch.drop_column("unlocked")
