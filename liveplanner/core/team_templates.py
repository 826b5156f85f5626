"""A team's own templates: a show's plan kept as a starting plan for new shows, and a new show's
plan made from one. Pure functions over plans; storage keeps the template as a show file."""

from dataclasses import replace
from datetime import datetime

from liveplanner.core.enums import Platform, ShowStatus
from liveplanner.core.inputs import printable
from liveplanner.core.plan import MAX_TITLE, ShowPlan
from liveplanner.core.refused import Refused
from liveplanner.core.templates import Template


def template_name(name: str) -> str:
    """The name kept: trimmed, 1 to MAX_TITLE characters (as a show's title), and not a
    built-in template's."""
    name = name.strip()
    if not name or len(name) > MAX_TITLE or not printable(name):
        raise Refused(
            f"a template's name needs 1 to {MAX_TITLE} characters, none of them a control "
            "character",
            "template.bad_name",
            max=MAX_TITLE,
        )
    # `new-show --template NAME` takes either kind: a team's template may not hide a built-in,
    # in any case of its letters.
    if name.casefold() in {t.value for t in Template}:
        raise Refused(
            f"{name!r} names a built-in template; pick another name",
            "template.built_in_name",
            name=name,
        )
    return name


def template_from_show(plan: ShowPlan, with_products: bool) -> ShowPlan:
    """What a team template keeps of a show: its segments, roles, cues, promos, releases,
    targets and limits, as a draft. Without products, the products go and the segments and
    promos that named one name none; the show's own notes and unlock stay with the show."""
    show = replace(plan.show, status=ShowStatus.DRAFT, unlocked=False, notes="")
    if with_products:
        return replace(plan, show=show)
    return replace(
        plan,
        show=show,
        products=(),
        segments=tuple(replace(s, product_id=None) for s in plan.segments),
        promos=tuple(replace(p, product_id=None) for p in plan.promos),
    )


def show_from_template(
    template: ShowPlan, title: str, start: datetime, platform: Platform, zone: str
) -> ShowPlan:
    """A new draft show's plan from a template: its title, start, platform and zone given; the
    booked end and the hard stop keep their distance from the start."""
    shift = start - template.show.planned_start
    old = template.show
    show = replace(
        old,
        title=title,
        planned_start=start,
        platform=platform,
        time_zone=zone,
        status=ShowStatus.DRAFT,
        unlocked=False,
        planned_end=None if old.planned_end is None else old.planned_end + shift,
        hard_stop=None if old.hard_stop is None else old.hard_stop + shift,
    )
    return replace(template, show=show)
