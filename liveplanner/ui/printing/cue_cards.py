"""Cue cards: one per person, each on its own page, with only that person's segments and cues at
their clock times, in type big enough to read at arm's length during the show."""

from PySide6.QtCore import QCoreApplication, QObject

from liveplanner.core.enums import Role
from liveplanner.core.plan import ShowPlan
from liveplanner.core.row_offer import row_offer
from liveplanner.core.schedule import Schedule, schedule
from liveplanner.ui import labels
from liveplanner.ui.printing.assignments import Card, CardRow, cards
from liveplanner.ui.printing.markup import (
    NOWRAP,
    STRIPE,
    clock,
    esc,
    lines,
    name_list,
    swatch,
    yuan,
)
from liveplanner.ui.printing.pagination import Section, Table


class CueCards(QObject):
    """The cards' counted phrases, in the language's plural forms ("1 cue", "5 cues").

    A class for the sake of lupdate, which marks a message as plural only in self.tr(..., n)
    with a variable n; the class's name is the messages' context, as for the other strings."""

    def counts(self, segments: int, cues: int) -> tuple[str, str]:
        return self.tr("%n segment(s)", "", segments), self.tr("%n cue(s)", "", cues)


def _holder(card: Card) -> str:
    if card.person is not None:
        return card.person.name
    return labels.role(card.roles[0])


# Those who speak on camera carry their talking points on their card, as hosts' 手卡 do.
_ON_CAMERA = frozenset({Role.HOST, Role.CO_HOST})


def _segment(plan: ShowPlan, row: CardRow, show_roles: bool) -> str:
    """The title, then one line: kind, the holder's role where it varies, product and price;
    then, for a host or co-host, the segment's talking points."""
    kind = row.segment.kind
    detail = [labels.segment_kind(kind)]
    if show_roles:
        detail += [labels.role(r) for r in row.roles]
    product = plan.product(row.segment.product_id)
    if product is not None:
        detail.append(product.name)
    # On a flash-sale row, the sale's price: the one the host says on air (core/row_offer).
    price = row_offer(plan, row.segment).price_fen
    if price is not None:
        detail.append(yuan(price))
    points = ""
    if _ON_CAMERA.intersection(row.roles) and row.segment.talking_points.strip():
        points = f'<br><span class="card-points">{lines(row.segment.talking_points.strip())}</span>'
    return (
        f'<span class="card-title">{esc(row.segment.title)}</span><br>'
        f'<span class="card-detail">{swatch(labels.KIND_COLORS[kind].name())} '
        f"{esc(' · '.join(detail))}</span>{points}"
    )


def _cues(row: CardRow) -> str:
    everyone = QCoreApplication.translate("CueCards", "(everyone)")
    return "<br>".join(
        f'<span class="card-cue-time">{clock(cue.at)}</span>&nbsp;&nbsp;{esc(cue.duty.cue)}'
        + (
            f' <span class="card-detail">{esc(everyone)}</span>'
            if cue.duty.person_id is None and cue.duty.role is None
            else ""
        )
        for cue in row.cues
    )


def _table(plan: ShowPlan, card: Card) -> Table | None:
    if not card.rows:
        return None
    with_cues = any(row.cues for row in card.rows)
    widths = ("13%", "40%", "47%") if with_cues else ("13%", "87%")
    # A host who is host throughout need not read "host" on every row.
    show_roles = len(card.roles) > 1
    titles = [
        QCoreApplication.translate("CueCards", "Time"),
        QCoreApplication.translate("CueCards", "Segment"),
        QCoreApplication.translate("CueCards", "Your cues"),
    ]
    head = "".join(
        f'<th width="{w}" align="left">{esc(t)}</th>' for w, t in zip(widths, titles, strict=False)
    )
    rows = []
    for i, row in enumerate(card.rows):
        stripe = f' bgcolor="{STRIPE}"' if i % 2 else ""
        time = (
            f'<span class="card-time">{clock(row.slot.start)}</span><br>'
            f'<span class="card-detail">–{clock(row.slot.end)}</span>'
        )
        cells = [_segment(plan, row, show_roles)] + ([_cues(row)] if with_cues else [])
        rows.append(
            f"<tr{stripe}><td{NOWRAP}>{time}</td>"
            + "".join(f"<td>{c}</td>" for c in cells)
            + "</tr>"
        )
    return Table(f"<tr>{head}</tr>", tuple(rows), css_class="card", cellpadding=6)


def _intro(plan: ShowPlan, times: Schedule, card: Card) -> str:
    show = (
        f"{plan.show.title} · {times.start.strftime('%Y-%m-%d')} · "
        f"{clock(times.start)}–{clock(times.end)}"
    )
    if card.person is not None:
        roles = name_list(labels.role(r) for r in card.roles)
    else:
        roles = QCoreApplication.translate(
            "CueCards", "No one on the team has this role: give this card to whoever does it."
        )
    parts = [
        f'<p class="card-detail">{esc(show)}</p>',
        f'<p class="card-name">{esc(_holder(card))}</p>',
    ]
    if roles:
        parts.append(f'<p class="card-roles">{esc(roles)}</p>')
    if card.rows:
        cues = [cue for row in card.rows for cue in row.cues]
        first = min([row.slot.start for row in card.rows if row.roles] + [cue.at for cue in cues])
        # Counts what the card lists: a segment the holder is only cued in counts too.
        segments, cue_count = CueCards().counts(len(card.rows), len(cues))
        summary = (
            QCoreApplication.translate("CueCards", "%1 · %2 · first at %3")
            .replace("%1", segments)
            .replace("%2", cue_count)
            .replace("%3", clock(first))
        )
        parts.append(f'<p class="card-summary">{esc(summary)}</p>')
    else:
        parts.append(
            '<p class="empty">'
            + esc(
                QCoreApplication.translate(
                    "CueCards", "Nothing in this script is for %1 yet."
                ).replace("%1", _holder(card))
            )
            + "</p>"
        )
    return "".join(parts)


def cue_cards(plan: ShowPlan) -> list[Section]:
    """One section per card; a single page saying so when the show has no one to give cards to."""
    times = schedule(plan)
    sections = [
        Section(
            QCoreApplication.translate("CueCards", "Cue card: %1").replace("%1", _holder(card)),
            _intro(plan, times, card),
            _table(plan, card),
        )
        for card in cards(plan)
    ]
    if sections:
        return sections
    title = QCoreApplication.translate("CueCards", "Cue cards")
    message = QCoreApplication.translate(
        "CueCards", "No one is on the team yet: add people under Team to print their cue cards."
    )
    return [Section(title, f'<h1>{esc(title)}</h1><p class="empty">{esc(message)}</p>')]
