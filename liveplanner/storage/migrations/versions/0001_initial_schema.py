"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22 02:02:57.892173

Over 500 lines, and kept whole: a migration is one revision, applied and recorded as one step,
and this one creates every table of the first schema. Split, its parts would be revisions of
their own that existing databases never went through.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("name", name=op.f("uq_people_name")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "shows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column(
            "platform",
            sa.Enum(
                "douyin",
                "taobao",
                "kuaishou",
                "tiktok",
                "channels",
                "other",
                name="platform",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("room", sa.String(length=200), nullable=False),
        sa.Column("planned_start", sa.DateTime(), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "approved",
                "live",
                "done",
                "reviewed",
                name="showstatus",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("target_gmv_fen", sa.BigInteger(), nullable=True),
        sa.Column("target_viewers", sa.BigInteger(), nullable=True),
        sa.Column("target_conversion_bp", sa.Integer(), nullable=True),
        sa.Column("target_new_followers", sa.BigInteger(), nullable=True),
        sa.Column("target_interaction_bp", sa.Integer(), nullable=True),
        sa.Column("max_discount_bp", sa.Integer(), nullable=True),
        sa.Column("min_margin_bp", sa.Integer(), nullable=True),
        sa.Column("planned_end", sa.DateTime(), nullable=True),
        sa.Column("hard_stop", sa.DateTime(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shows")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("shows", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shows_planned_start"), ["planned_start"], unique=False)

    op.create_table(
        "metric_imports",
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
            name=op.f("fk_metric_imports_show_id_shows"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_metric_imports")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("metric_imports", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_metric_imports_show_id"), ["show_id"], unique=False)

    op.create_table(
        "metric_samples",
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
    )
    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("show_id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("list_price_fen", sa.BigInteger(), nullable=True),
        sa.Column("live_price_fen", sa.BigInteger(), nullable=True),
        sa.Column("unit_cost_fen", sa.BigInteger(), nullable=True),
        sa.Column("stock", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "stock IS NULL OR stock >= 0", name=op.f("ck_products_stock_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["show_id"], ["shows.id"], name=op.f("fk_products_show_id_shows"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_products_show_id"), ["show_id"], unique=False)

    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("show_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("rehearsal", "live", name="runkind", native_enum=False, length=24),
            nullable=False,
        ),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("ended_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["show_id"], ["shows.id"], name=op.f("fk_runs_show_id_shows"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_runs")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_runs_show_id"), ["show_id"], unique=False)

    op.create_table(
        "team_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("show_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "host",
                "co_host",
                "floor_control",
                "customer_service",
                "ops",
                "tech",
                name="role",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_team_members_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["show_id"],
            ["shows.id"],
            name=op.f("fk_team_members_show_id_shows"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_members")),
        sa.UniqueConstraint("show_id", "person_id", "role", name=op.f("uq_team_members_show_id")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("team_members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_members_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_team_members_show_id"), ["show_id"], unique=False)

    op.create_table(
        "promos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("show_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "coupon",
                "flash_sale",
                "lucky_draw",
                "gift",
                name="promokind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("quantity", sa.Integer(), nullable=True),
        sa.Column("face_value_fen", sa.BigInteger(), nullable=True),
        sa.Column("special_price_fen", sa.BigInteger(), nullable=True),
        sa.Column("threshold_fen", sa.BigInteger(), nullable=True),
        sa.Column("per_user_limit", sa.Integer(), nullable=True),
        sa.Column("budget_fen", sa.BigInteger(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "quantity IS NULL OR quantity >= 0", name=op.f("ck_promos_quantity_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_promos_product_id_products"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["show_id"], ["shows.id"], name=op.f("fk_promos_show_id_shows"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promos")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("promos", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_promos_product_id"), ["product_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_promos_show_id"), ["show_id"], unique=False)

    op.create_table(
        "segments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("show_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "opening",
                "product_intro",
                "coupon_drop",
                "flash_sale",
                "lucky_draw",
                "qa",
                "closing",
                "other",
                name="segmentkind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("duration_s", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("talking_points", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("duration_s >= 0", name=op.f("ck_segments_duration_not_negative")),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_segments_product_id_products"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["show_id"], ["shows.id"], name=op.f("fk_segments_show_id_shows"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_segments")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("segments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_segments_product_id"), ["product_id"], unique=False)
        batch_op.create_index("ix_segments_show_position", ["show_id", "position"], unique=False)

    op.create_table(
        "duties",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "host",
                "co_host",
                "floor_control",
                "customer_service",
                "ops",
                "tech",
                name="role",
                native_enum=False,
                length=24,
            ),
            nullable=True,
        ),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("offset_s", sa.Integer(), nullable=False),
        sa.Column("cue", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("offset_s >= 0", name=op.f("ck_duties_offset_not_negative")),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_duties_person_id_people"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["segment_id"],
            ["segments.id"],
            name=op.f("fk_duties_segment_id_segments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duties")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("duties", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_duties_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_duties_segment_id"), ["segment_id"], unique=False)

    op.create_table(
        "promo_releases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("promo_id", sa.Integer(), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=False),
        sa.Column("offset_s", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("offset_s >= 0", name=op.f("ck_promo_releases_offset_not_negative")),
        sa.CheckConstraint("quantity >= 0", name=op.f("ck_promo_releases_quantity_not_negative")),
        sa.ForeignKeyConstraint(
            ["promo_id"],
            ["promos.id"],
            name=op.f("fk_promo_releases_promo_id_promos"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["segment_id"],
            ["segments.id"],
            name=op.f("fk_promo_releases_segment_id_segments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promo_releases")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("promo_releases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_promo_releases_promo_id"), ["promo_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_promo_releases_segment_id"), ["segment_id"], unique=False
        )

    op.create_table(
        "review_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("show_id", sa.Integer(), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=True),
        sa.Column("minute", sa.DateTime(), nullable=True),
        sa.Column(
            "category",
            sa.Enum(
                "worked",
                "problem",
                "action",
                "other",
                name="notecategory",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["segment_id"],
            ["segments.id"],
            name=op.f("fk_review_notes_segment_id_segments"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["show_id"],
            ["shows.id"],
            name=op.f("fk_review_notes_show_id_shows"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_notes")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("review_notes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_review_notes_segment_id"), ["segment_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_review_notes_show_id"), ["show_id"], unique=False)

    op.create_table(
        "run_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "started",
                "segment_started",
                "paused",
                "resumed",
                "skipped",
                "time_added",
                "note",
                "clock_jump",
                "ended",
                name="runeventkind",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("segment_id", sa.Integer(), nullable=True),
        sa.Column("segment_position", sa.Integer(), nullable=True),
        sa.Column("wall_time", sa.DateTime(), nullable=False),
        sa.Column("monotonic_s", sa.Double(), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name=op.f("fk_run_events_run_id_runs"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["segment_id"],
            ["segments.id"],
            name=op.f("fk_run_events_segment_id_segments"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_run_events")),
        sa.UniqueConstraint("run_id", "seq", name=op.f("uq_run_events_run_id")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("run_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_run_events_segment_id"), ["segment_id"], unique=False)

    op.create_table(
        "segment_roles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "host",
                "co_host",
                "floor_control",
                "customer_service",
                "ops",
                "tech",
                name="role",
                native_enum=False,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_segment_roles_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["segment_id"],
            ["segments.id"],
            name=op.f("fk_segment_roles_segment_id_segments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_segment_roles")),
        sa.UniqueConstraint("segment_id", "role", name=op.f("uq_segment_roles_segment_id")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("segment_roles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_segment_roles_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("segment_roles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_segment_roles_person_id"))

    op.drop_table("segment_roles")
    with op.batch_alter_table("run_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_run_events_segment_id"))

    op.drop_table("run_events")
    with op.batch_alter_table("review_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_notes_show_id"))
        batch_op.drop_index(batch_op.f("ix_review_notes_segment_id"))

    op.drop_table("review_notes")
    with op.batch_alter_table("promo_releases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_promo_releases_segment_id"))
        batch_op.drop_index(batch_op.f("ix_promo_releases_promo_id"))

    op.drop_table("promo_releases")
    with op.batch_alter_table("duties", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_duties_segment_id"))
        batch_op.drop_index(batch_op.f("ix_duties_person_id"))

    op.drop_table("duties")
    with op.batch_alter_table("segments", schema=None) as batch_op:
        batch_op.drop_index("ix_segments_show_position")
        batch_op.drop_index(batch_op.f("ix_segments_product_id"))

    op.drop_table("segments")
    with op.batch_alter_table("promos", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_promos_show_id"))
        batch_op.drop_index(batch_op.f("ix_promos_product_id"))

    op.drop_table("promos")
    with op.batch_alter_table("team_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_members_show_id"))
        batch_op.drop_index(batch_op.f("ix_team_members_person_id"))

    op.drop_table("team_members")
    with op.batch_alter_table("runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_runs_show_id"))

    op.drop_table("runs")
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_products_show_id"))

    op.drop_table("products")
    op.drop_table("metric_samples")
    with op.batch_alter_table("metric_imports", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_metric_imports_show_id"))

    op.drop_table("metric_imports")
    with op.batch_alter_table("shows", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shows_planned_start"))

    op.drop_table("shows")
    op.drop_table("people")
