"""whether a show paid: more targets, a show's product figures, campaigns

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 05:40:00

Shows gain the targets a lead's review judges (UV value, order value, GPM, ROI, gross profit,
margin, net GMV, watch time, an ad spend and a refund ceiling). product_imports and
product_sales keep a show's product export (商品明细), one row per product line. campaigns
(with the same targets) and campaign_shows group shows on any platform.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The targets shows had before; the campaign gets them too.
_OLD_TARGETS = [
    ("target_gmv_fen", sa.BigInteger()),
    ("target_viewers", sa.BigInteger()),
    ("target_conversion_bp", sa.Integer()),
    ("target_new_followers", sa.BigInteger()),
    ("target_interaction_bp", sa.Integer()),
]
_NEW_TARGETS = [
    ("target_uv_value_fen", sa.BigInteger()),
    ("target_aov_fen", sa.BigInteger()),
    ("target_gpm_fen", sa.BigInteger()),
    ("target_roi_bp", sa.BigInteger()),
    ("target_gross_profit_fen", sa.BigInteger()),
    ("target_margin_bp", sa.Integer()),
    ("target_net_gmv_fen", sa.BigInteger()),
    ("target_avg_watch_s", sa.Integer()),
    ("target_max_ad_spend_fen", sa.BigInteger()),
    ("target_max_refund_bp", sa.Integer()),
]


def _editable() -> list[sa.Column[object]]:
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    with op.batch_alter_table("shows") as batch:
        for name, kind in _NEW_TARGETS:
            batch.add_column(sa.Column(name, kind, nullable=True))

    op.create_table(
        "product_imports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("show_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("preset", sa.String(length=64), nullable=False),
        sa.Column("encoding", sa.String(length=32), nullable=False),
        sa.Column("rows_read", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["show_id"],
            ["shows.id"],
            name=op.f("fk_product_imports_show_id_shows"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_imports")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_product_imports_show_id"), "product_imports", ["show_id"], unique=False
    )

    op.create_table(
        "product_sales",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("show_id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("link", sa.String(length=100), nullable=False),
        sa.Column("exposures", sa.BigInteger(), nullable=True),
        sa.Column("clicks", sa.BigInteger(), nullable=True),
        sa.Column("add_to_cart", sa.BigInteger(), nullable=True),
        sa.Column("sold", sa.BigInteger(), nullable=True),
        sa.Column("gmv_fen", sa.BigInteger(), nullable=True),
        sa.Column("refunds_fen", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["show_id"],
            ["shows.id"],
            name=op.f("fk_product_sales_show_id_shows"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["product_imports.id"],
            name=op.f("fk_product_sales_import_id_product_imports"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_product_sales_product_id_products"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_sales")),
        sqlite_autoincrement=True,
    )
    for column in ("show_id", "import_id", "product_id"):
        op.create_index(op.f(f"ix_product_sales_{column}"), "product_sales", [column], unique=False)

    op.create_table(
        "campaigns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        *[sa.Column(name, kind, nullable=True) for name, kind in _OLD_TARGETS + _NEW_TARGETS],
        *_editable(),
        sa.CheckConstraint("ends_on >= starts_on", name=op.f("ck_campaigns_ends_after_start")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
        sqlite_autoincrement=True,
    )

    op.create_table(
        "campaign_shows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("show_id", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaigns.id"],
            name=op.f("fk_campaign_shows_campaign_id_campaigns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["show_id"],
            ["shows.id"],
            name=op.f("fk_campaign_shows_show_id_shows"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_shows")),
        sa.UniqueConstraint("campaign_id", "show_id", name=op.f("uq_campaign_shows_campaign_id")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_campaign_shows_show_id"), "campaign_shows", ["show_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_campaign_shows_show_id"), table_name="campaign_shows")
    op.drop_table("campaign_shows")
    op.drop_table("campaigns")
    for column in ("show_id", "import_id", "product_id"):
        op.drop_index(op.f(f"ix_product_sales_{column}"), table_name="product_sales")
    op.drop_table("product_sales")
    op.drop_index(op.f("ix_product_imports_show_id"), table_name="product_imports")
    op.drop_table("product_imports")
    with op.batch_alter_table("shows") as batch:
        for name, _kind in reversed(_NEW_TARGETS):
            batch.drop_column(name)
