"""what teams reuse: team templates and the product library

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 14:45:00

team_templates keeps a team's own templates, each a show's plan as a show file (JSON), so a
team on one server shares them. library_products keeps each product once (name, link number or
SKU, list price, cost) for picking into shows.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "team_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("saved_by", sa.String(length=200), nullable=False),
        sa.Column("plan", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_templates")),
        sa.UniqueConstraint("name", name=op.f("uq_team_templates_name")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "library_products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sku", sa.String(length=100), nullable=False),
        sa.Column("list_price_fen", sa.BigInteger(), nullable=True),
        sa.Column("unit_cost_fen", sa.BigInteger(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_library_products")),
        sa.UniqueConstraint("name", name=op.f("uq_library_products_name")),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("library_products")
    op.drop_table("team_templates")
