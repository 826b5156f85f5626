"""A desk screen (core.live_desk.DeskView) as the plain JSON a page draws: times in seconds and
ISO moments, names and cues as data (the page writes them as text, never as markup), figures
nobody gave as null (the page shows "—", never 0)."""

from datetime import datetime
from typing import Any

from liveplanner.app.live_desk import COUNTING_ROLES, Followed
from liveplanner.core.enums import Role
from liveplanner.core.live_desk import DeskItem, DeskView, ShownItem, Tick


def _moment(at: datetime | None) -> str | None:
    return None if at is None else at.isoformat()


def _tick(tick: Tick | None, texts: dict[str, str]) -> dict[str, Any] | None:
    if tick is None:
        return None
    return {
        "item": tick.key,
        "what": texts.get(tick.key, tick.key),
        "actor": tick.actor,
        "at": _moment(tick.at),
    }


def _item(shown: ShownItem, may_tick: bool, texts: dict[str, str]) -> dict[str, Any]:
    item = shown.item
    return {
        "key": item.key,
        "kind": item.kind.value,
        "text": item.text,
        "role": None if item.role is None else item.role.value,
        "who": shown.who,
        "segment_index": item.segment_index,
        "due_s": round(shown.due_s, 1),
        "quantity": item.quantity,
        "mine": shown.mine,
        "may_tick": may_tick and shown.mine,
        "tick": _tick(shown.tick, texts),
    }


def view_json(
    view: DeskView,
    *,
    title: str,
    items: list[DeskItem],
    followed: Followed | None,
    version: int,
    read_only: bool,
    holds: set[Role] | None = None,
) -> dict[str, Any]:
    """What one screen's page receives at one moment; `holds`: the roles the screen stands for
    now (its role's, or those its person holds in the current segment)."""
    reading = view.reading
    texts = {i.key: i.text for i in items}
    holds = holds if holds is not None else ({view.role} if view.role is not None else set())
    may_tick = not read_only and (view.role is not None or view.person_id is not None)
    return {
        "version": version,
        "show": title,
        "role": None if view.role is None else view.role.value,
        "read_only": read_only,
        "may_count": not read_only and bool(holds & set(COUNTING_ROLES)),
        "run": None
        if followed is None
        else {"id": followed.run_id, "kind": followed.kind.value, "ended": followed.ended},
        "phase": reading.phase.value,
        "level": reading.level.value,
        "index": reading.index,
        "elapsed_s": round(reading.elapsed_s, 2),
        "allowed_s": round(reading.allowed_s, 2),
        "remaining_s": round(reading.remaining_s, 2),
        "over_under_s": round(reading.over_under_s, 1),
        "projected_end": _moment(reading.projected_end),
        "segment": view.segment_title,
        "next": None
        if view.next_title is None
        else {"title": view.next_title, "duration_s": view.next_duration_s},
        "items": [_item(s, may_tick, texts) for s in view.items],
        "products": [
            {
                "id": p.id,
                "name": p.name,
                "stock": p.stock,
                "sold": p.sold,
                "left": p.left,
                "sold_out": p.sold_out,
            }
            for p in view.products
        ],
        "promos": [
            {
                "id": p.id,
                "kind": p.kind.value,
                "name": p.name,
                "planned": p.planned,
                "released": p.released,
                "claimed": p.claimed,
                "sold_out": p.sold_out,
            }
            for p in view.promos
        ],
        "recent": [_tick(t, texts) for t in view.recent],
        "move_on": view.move_on and bool(holds & {Role.HOST, Role.CO_HOST}),
    }
