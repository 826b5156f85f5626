"""a show's rhythm: benefit spacing, intro limit and content mix target

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 14:50:00

Shows gain the rhythm the producer sets for them (issue 20): the longest stretch without a
benefit, the rest after one, the longest product intro (seconds) and the content mix target
(basis points of showcase, promotion and interaction). NULL keeps the default, so every show
already stored is checked against the trade's defaults.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = (
    "rhythm_benefit_every_s",
    "rhythm_benefit_rest_s",
    "rhythm_intro_limit_s",
    "rhythm_mix_showcase_bp",
    "rhythm_mix_promotion_bp",
    "rhythm_mix_interaction_bp",
)


def upgrade() -> None:
    with op.batch_alter_table("shows") as batch:
        for name in _COLUMNS:
            batch.add_column(sa.Column(name, sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("shows") as batch:
        for name in reversed(_COLUMNS):
            batch.drop_column(name)
