"""The database tables, in SQLAlchemy 2 declarative style.

Money is integer fen, shares integer basis points, durations integer seconds; instants are UTC.
Editable rows carry a version (optimistic concurrency: a stale write raises StaleDataError) and
created/updated stamps.
"""

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import ClassVar

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Double,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from liveplanner.core.enums import (
    DeskEventKind,
    NoteCategory,
    Platform,
    PromoKind,
    Role,
    RunEventKind,
    RunKind,
    SegmentKind,
    ShowStatus,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# Ids are never reused (SQLite would reuse the highest one after a delete), so an undone delete
# can put rows back under their old ids without meeting a newer row.
AUTOINCREMENT = {"sqlite_autoincrement": True}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as naive UTC, the same on SQLite and PostgreSQL."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: liveplanner stores aware times only")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def _enum(kind: type[StrEnum]) -> Enum:
    # Stored as plain strings (no native enum, no CHECK) so adding a value needs no migration.
    return Enum(
        kind,
        native_enum=False,
        create_constraint=False,
        length=24,
        values_callable=lambda members: [m.value for m in members],
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    # Every row class here maps one Table (SQLAlchemy types __table__ as any FromClause).
    __table__: ClassVar[Table]


class Editable:
    """Columns of every row a user edits."""

    version: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(
        UTCDateTime, default=utcnow, onupdate=utcnow, nullable=False
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:
        return {"version_id_col": cls.version}


class TargetColumns:
    """A show's or a campaign's targets, one column per field of core.plan.Targets (target_ and
    the field's name); None where none was set."""

    target_gmv_fen: Mapped[int | None] = mapped_column(BigInteger)
    target_viewers: Mapped[int | None] = mapped_column(BigInteger)
    target_conversion_bp: Mapped[int | None] = mapped_column(Integer)
    target_new_followers: Mapped[int | None] = mapped_column(BigInteger)
    target_interaction_bp: Mapped[int | None] = mapped_column(Integer)
    target_uv_value_fen: Mapped[int | None] = mapped_column(BigInteger)
    target_aov_fen: Mapped[int | None] = mapped_column(BigInteger)
    target_gpm_fen: Mapped[int | None] = mapped_column(BigInteger)
    target_roi_bp: Mapped[int | None] = mapped_column(BigInteger)
    target_gross_profit_fen: Mapped[int | None] = mapped_column(BigInteger)
    target_margin_bp: Mapped[int | None] = mapped_column(Integer)
    target_net_gmv_fen: Mapped[int | None] = mapped_column(BigInteger)
    target_avg_watch_s: Mapped[int | None] = mapped_column(Integer)
    target_max_ad_spend_fen: Mapped[int | None] = mapped_column(BigInteger)
    target_max_refund_bp: Mapped[int | None] = mapped_column(Integer)


class RhythmColumns:
    """A show's rhythm, one column per field of core.plan.Rhythm (rhythm_ and the field's name);
    None where the show keeps the default."""

    rhythm_benefit_every_s: Mapped[int | None] = mapped_column(Integer)
    rhythm_benefit_rest_s: Mapped[int | None] = mapped_column(Integer)
    rhythm_intro_limit_s: Mapped[int | None] = mapped_column(Integer)
    rhythm_mix_showcase_bp: Mapped[int | None] = mapped_column(Integer)
    rhythm_mix_promotion_bp: Mapped[int | None] = mapped_column(Integer)
    rhythm_mix_interaction_bp: Mapped[int | None] = mapped_column(Integer)


class ShowRow(Editable, TargetColumns, RhythmColumns, Base):
    __tablename__ = "shows"
    __table_args__ = (AUTOINCREMENT,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    platform: Mapped[Platform] = mapped_column(_enum(Platform))
    room: Mapped[str] = mapped_column(String(200), default="")
    planned_start: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    time_zone: Mapped[str] = mapped_column(String(64))
    status: Mapped[ShowStatus] = mapped_column(_enum(ShowStatus), default=ShowStatus.DRAFT)
    # Past draft the script is locked; an explicit, logged unlock opens it until the next status.
    unlocked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    max_discount_bp: Mapped[int | None] = mapped_column(Integer)
    min_margin_bp: Mapped[int | None] = mapped_column(Integer)
    planned_end: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hard_stop: Mapped[datetime | None] = mapped_column(UTCDateTime)
    notes: Mapped[str] = mapped_column(Text, default="")
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # in the bin, undoable

    segments: Mapped[list["SegmentRow"]] = relationship(
        back_populates="show",
        order_by="SegmentRow.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    team: Mapped[list["TeamMemberRow"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    products: Mapped[list["ProductRow"]] = relationship(
        order_by="ProductRow.id", cascade="all, delete-orphan", passive_deletes=True
    )
    promos: Mapped[list["PromoRow"]] = relationship(
        order_by="PromoRow.id", cascade="all, delete-orphan", passive_deletes=True
    )


class PersonRow(Editable, Base):
    """Someone who works on shows; shared across shows."""

    __tablename__ = "people"
    __table_args__ = (AUTOINCREMENT,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)


class TeamMemberRow(Editable, Base):
    __tablename__ = "team_members"
    __table_args__ = (UniqueConstraint("show_id", "person_id", "role"), AUTOINCREMENT)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("shows.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(_enum(Role))


class ProductRow(Editable, Base):
    __tablename__ = "products"
    __table_args__ = (
        CheckConstraint("stock IS NULL OR stock >= 0", name="stock_not_negative"),
        AUTOINCREMENT,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("shows.id", ondelete="CASCADE"), index=True)
    sku: Mapped[str] = mapped_column(String(100), default="")
    name: Mapped[str] = mapped_column(String(200))
    list_price_fen: Mapped[int | None] = mapped_column(BigInteger)
    live_price_fen: Mapped[int | None] = mapped_column(BigInteger)
    unit_cost_fen: Mapped[int | None] = mapped_column(BigInteger)
    stock: Mapped[int | None] = mapped_column(Integer)


class SegmentRow(Editable, Base):
    __tablename__ = "segments"
    __table_args__ = (
        CheckConstraint("duration_s >= 0", name="duration_not_negative"),
        Index("ix_segments_show_position", "show_id", "position"),
        AUTOINCREMENT,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("shows.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # 0-based order within the show
    kind: Mapped[SegmentKind] = mapped_column(_enum(SegmentKind))
    title: Mapped[str] = mapped_column(String(200), default="")
    duration_s: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int | None] = mapped_column(
        ForeignKey("products.id", ondelete="SET NULL"), index=True
    )
    talking_points: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    show: Mapped[ShowRow] = relationship(back_populates="segments")
    roles: Mapped[list["SegmentRoleRow"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    duties: Mapped[list["DutyRow"]] = relationship(
        order_by="DutyRow.offset_s", cascade="all, delete-orphan", passive_deletes=True
    )


class SegmentRoleRow(Editable, Base):
    """Who plays a role in one segment (the segment table's host, co-host, floor control...)."""

    __tablename__ = "segment_roles"
    __table_args__ = (UniqueConstraint("segment_id", "role"), AUTOINCREMENT)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id", ondelete="CASCADE"))
    role: Mapped[Role] = mapped_column(_enum(Role))
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)


class DutyRow(Editable, Base):
    __tablename__ = "duties"
    __table_args__ = (CheckConstraint("offset_s >= 0", name="offset_not_negative"), AUTOINCREMENT)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    segment_id: Mapped[int] = mapped_column(
        ForeignKey("segments.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[Role | None] = mapped_column(_enum(Role))
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    offset_s: Mapped[int] = mapped_column(Integer, default=0)
    cue: Mapped[str] = mapped_column(Text)


class PromoRow(Editable, Base):
    __tablename__ = "promos"
    __table_args__ = (
        CheckConstraint("quantity IS NULL OR quantity >= 0", name="quantity_not_negative"),
        AUTOINCREMENT,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("shows.id", ondelete="CASCADE"), index=True)
    kind: Mapped[PromoKind] = mapped_column(_enum(PromoKind))
    name: Mapped[str] = mapped_column(String(200))
    product_id: Mapped[int | None] = mapped_column(
        ForeignKey("products.id", ondelete="SET NULL"), index=True
    )
    quantity: Mapped[int | None] = mapped_column(Integer)
    face_value_fen: Mapped[int | None] = mapped_column(BigInteger)
    special_price_fen: Mapped[int | None] = mapped_column(BigInteger)
    threshold_fen: Mapped[int | None] = mapped_column(BigInteger)
    per_user_limit: Mapped[int | None] = mapped_column(Integer)
    budget_fen: Mapped[int | None] = mapped_column(BigInteger)
    notes: Mapped[str] = mapped_column(Text, default="")

    releases: Mapped[list["ReleaseRow"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class ReleaseRow(Editable, Base):
    """Part of a promo put out in a segment."""

    __tablename__ = "promo_releases"
    __table_args__ = (
        CheckConstraint("offset_s >= 0", name="offset_not_negative"),
        CheckConstraint("quantity >= 0", name="quantity_not_negative"),
        AUTOINCREMENT,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    promo_id: Mapped[int] = mapped_column(ForeignKey("promos.id", ondelete="CASCADE"), index=True)
    segment_id: Mapped[int] = mapped_column(
        ForeignKey("segments.id", ondelete="CASCADE"), index=True
    )
    offset_s: Mapped[int] = mapped_column(Integer, default=0)
    quantity: Mapped[int] = mapped_column(Integer)


class RunRow(Base):
    """One rehearsal take or the live show, as run on the timer. Appended to, never edited."""

    __tablename__ = "runs"
    __table_args__ = (AUTOINCREMENT,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("shows.id", ondelete="CASCADE"), index=True)
    kind: Mapped[RunKind] = mapped_column(_enum(RunKind))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    events: Mapped[list["RunEventRow"]] = relationship(
        order_by="RunEventRow.seq", cascade="all, delete-orphan", passive_deletes=True
    )


class RunEventRow(Base):
    """What the timer did, when: by the wall clock (for people) and the monotonic clock (exact)."""

    __tablename__ = "run_events"
    __table_args__ = (UniqueConstraint("run_id", "seq"), AUTOINCREMENT)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)  # order within the run
    kind: Mapped[RunEventKind] = mapped_column(_enum(RunEventKind))
    segment_id: Mapped[int | None] = mapped_column(
        ForeignKey("segments.id", ondelete="SET NULL"), index=True
    )
    segment_position: Mapped[int | None] = mapped_column(Integer)
    wall_time: Mapped[datetime] = mapped_column(UTCDateTime)
    monotonic_s: Mapped[float] = mapped_column(Double)
    seconds: Mapped[int | None] = mapped_column(Integer)  # time added or removed
    text: Mapped[str] = mapped_column(Text, default="")


class DeskEventRow(Base):
    """What the live desk's screens logged during a run: ticks and counters (core.live_desk).
    Apart from run_events: each screen logs on its own computer's clock, which must never
    place a segment. Appended to, never edited."""

    __tablename__ = "desk_events"
    __table_args__ = (UniqueConstraint("run_id", "seq"), AUTOINCREMENT)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)  # order within the run
    kind: Mapped[DeskEventKind] = mapped_column(_enum(DeskEventKind))
    wall_time: Mapped[datetime] = mapped_column(UTCDateTime)
    item: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(100), default="")
    quantity: Mapped[int | None] = mapped_column(BigInteger)


class FeedSampleRow(Base):
    """One metric in one minute of a run, as the live feed took it while the show ran (core.
    live_feed): written as it arrives, the latest figure for a minute replacing the one before,
    so a crash loses nothing. Money in fen. The show's metrics once the run ends (app.live_feed)."""

    __tablename__ = "feed_samples"
    __table_args__ = ({"sqlite_with_rowid": False},)

    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"), primary_key=True)
    minute: Mapped[datetime] = mapped_column(UTCDateTime, primary_key=True)
    metric: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class LiveAlertRow(Base):
    """A show's own live alerts (core.live_alerts.AlertSettings); None: the default. No row: every
    alert at its default."""

    __tablename__ = "live_alerts"

    show_id: Mapped[int] = mapped_column(
        ForeignKey("shows.id", ondelete="CASCADE"), primary_key=True
    )
    viewers_drop_bp: Mapped[int | None] = mapped_column(Integer)  # 0: off
    viewers_window_min: Mapped[int | None] = mapped_column(Integer)
    pace_behind_bp: Mapped[int | None] = mapped_column(Integer)  # 0: off
    sold_out: Mapped[bool | None] = mapped_column(Boolean)


class MetricImportRow(Base):
    """Where a show's metric samples came from."""

    __tablename__ = "metric_imports"
    __table_args__ = (AUTOINCREMENT,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("shows.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(500))
    preset: Mapped[str] = mapped_column(String(64), default="")
    encoding: Mapped[str] = mapped_column(String(32), default="")
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MetricSampleRow(Base):
    """One metric in one minute; money in fen. Written in bulk, not one ORM object per row."""

    __tablename__ = "metric_samples"
    # Clustered by (show, metric, minute) on SQLite: bulk writes and range reads (0002).
    __table_args__ = ({"sqlite_with_rowid": False},)

    show_id: Mapped[int] = mapped_column(
        ForeignKey("shows.id", ondelete="CASCADE"), primary_key=True
    )
    metric: Mapped[str] = mapped_column(String(32), primary_key=True)
    minute: Mapped[datetime] = mapped_column(UTCDateTime, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class ReviewNoteRow(Editable, Base):
    __tablename__ = "review_notes"
    __table_args__ = (AUTOINCREMENT,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("shows.id", ondelete="CASCADE"), index=True)
    segment_id: Mapped[int | None] = mapped_column(
        ForeignKey("segments.id", ondelete="SET NULL"), index=True
    )
    minute: Mapped[datetime | None] = mapped_column(UTCDateTime)
    category: Mapped[NoteCategory] = mapped_column(_enum(NoteCategory))
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(100), default="")


class ShowChangeRow(Base):
    """One change to a show, for its history: when, who, what. Written by storage.history."""

    __tablename__ = "show_changes"
    __table_args__ = (Index("ix_show_changes_show_id_id", "show_id", "id"), AUTOINCREMENT)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("shows.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    who: Mapped[str] = mapped_column(String(100))
    # Which open database wrote it, so a window is not told of its own changes.
    origin: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(24))  # show, segment, product, promo...
    entity_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(24))  # added, changed, removed, reordered
    label: Mapped[str] = mapped_column(String(200), default="")  # its name at the time
    detail: Mapped[str] = mapped_column(Text, default="")  # JSON {field: [before, after]}


class ProductImportRow(Base):
    """Where a show's product figures (its 商品明细 export) came from."""

    __tablename__ = "product_imports"
    __table_args__ = (AUTOINCREMENT,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("shows.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(500))
    preset: Mapped[str] = mapped_column(String(64), default="")
    encoding: Mapped[str] = mapped_column(String(32), default="")
    rows_read: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ProductSalesRow(Base):
    """One row of a show's product export: what one product sold in the show, matched to the
    show's product where it could be (None: listed as unmatched). Money in fen; a figure the
    export does not carry is None, never 0. Replaced as a whole with its import."""

    __tablename__ = "product_sales"
    __table_args__ = (AUTOINCREMENT,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    show_id: Mapped[int] = mapped_column(ForeignKey("shows.id", ondelete="CASCADE"), index=True)
    import_id: Mapped[int] = mapped_column(
        ForeignKey("product_imports.id", ondelete="CASCADE"), index=True
    )
    row_number: Mapped[int] = mapped_column(Integer)  # the file's row, 1-based, for messages
    product_id: Mapped[int | None] = mapped_column(
        ForeignKey("products.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(200), default="")
    link: Mapped[str] = mapped_column(String(100), default="")  # link number / product id
    exposures: Mapped[int | None] = mapped_column(BigInteger)
    clicks: Mapped[int | None] = mapped_column(BigInteger)
    add_to_cart: Mapped[int | None] = mapped_column(BigInteger)
    sold: Mapped[int | None] = mapped_column(BigInteger)  # items sold
    gmv_fen: Mapped[int | None] = mapped_column(BigInteger)
    refunds_fen: Mapped[int | None] = mapped_column(BigInteger)


class CampaignRow(Editable, TargetColumns, Base):
    """A run of shows aimed at one target (双11, 黑五, a quarter), on any platforms."""

    __tablename__ = "campaigns"
    __table_args__ = (
        CheckConstraint("ends_on >= starts_on", name="ends_after_start"),
        AUTOINCREMENT,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CampaignShowRow(Base):
    """A show counted in a campaign; a show may count in more than one (a quarter and 双11)."""

    __tablename__ = "campaign_shows"
    __table_args__ = (UniqueConstraint("campaign_id", "show_id"), AUTOINCREMENT)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    show_id: Mapped[int] = mapped_column(ForeignKey("shows.id", ondelete="CASCADE"), index=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TeamTemplateRow(Base):
    """A team's own template: a show's plan kept as a show file (formats/showfile), so it reads
    back through the file's checks and upgrades whatever version wrote it."""

    __tablename__ = "team_templates"
    __table_args__ = (AUTOINCREMENT,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    saved_by: Mapped[str] = mapped_column(String(200), default="")
    plan: Mapped[str] = mapped_column(Text)


class LibraryProductRow(Editable, Base):
    """A product of the team's library, kept once and picked into shows."""

    __tablename__ = "library_products"
    __table_args__ = (AUTOINCREMENT,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    sku: Mapped[str] = mapped_column(String(100), default="")
    list_price_fen: Mapped[int | None] = mapped_column(BigInteger)
    unit_cost_fen: Mapped[int | None] = mapped_column(BigInteger)
    notes: Mapped[str] = mapped_column(Text, default="")
