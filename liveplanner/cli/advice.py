"""`liveplanner advise ID [--json]`: what the show can expect to earn from the team's earlier
shows, and what to change in it (issue 20)."""

import argparse

from liveplanner.app.advice import show_advice
from liveplanner.app.database import Database
from liveplanner.app.messages.advice import advice_words
from liveplanner.app.translations import QT_TRANSLATE_NOOP, english
from liveplanner.cli import output
from liveplanner.cli.output import emit, say, visible, whole_yuan, width
from liveplanner.core.advice import Basis, Range
from liveplanner.core.advice_suggestions import Advice


def advise(args: argparse.Namespace, db: Database) -> int:
    shown = show_advice(db, args.show_id)
    data = advice_json(shown.plan.show.id, shown.advice)
    titles = {position: s.title for position, s in enumerate(shown.plan.segments, start=1)}
    translate = output.language()
    worded = [advice_words(s.code, s.figures, translate) for s in shown.advice.suggestions]
    reason = shown.advice.reason
    why = advice_words(reason.code, reason.figures, translate) if reason else ""
    emit(args, data, advice_text(data, shown.plan.show.title, titles, worded, why))
    return 0


def _yuan(fen: float | None) -> float | None:
    return None if fen is None else round(fen / 100, 2)


def _range(gmv: Range) -> dict[str, float | None]:
    return {"low": _yuan(gmv.low_fen), "mid": _yuan(gmv.mid_fen), "high": _yuan(gmv.high_fen)}


def _slot(basis: Basis | None) -> str | None:
    if basis is None or basis.slot is None:
        return None
    since, until = basis.slot
    return f"{since:%H:%M}-{until:%H:%M}"


def _figures(figures: dict[str, object]) -> dict[str, object]:
    """Money (core's *_fen) in yuan under the name without _fen; the rest as core gives it."""
    return {
        name.removesuffix("_fen"): _yuan(value) if name.endswith("_fen") else value  # type: ignore[arg-type]
        for name, value in figures.items()
    }


def advice_json(show_id: int, advice: Advice) -> dict[str, object]:
    """The advice of `liveplanner advise ID --json`: money in yuan; `slot` the start times of
    day the basis shows fall in (null: any); `projection` null, and `reason` saying why, when
    too few earlier shows earned; `message` each suggestion in English (JSON is the same in
    every language; the text is the user's), `figures` what it rests on, `change` the edit it
    proposes (core.advice_suggestions)."""
    basis = advice.basis
    projection = advice.projection
    return {
        "show_id": show_id,
        "basis": {
            "shows": list(basis.show_ids) if basis else [],
            "platform": basis.platform.value if basis and basis.platform else None,
            "slot": _slot(basis),
        },
        "projection": {"gmv": _range(projection.gmv)} if projection else None,
        "reason": (
            advice_words(advice.reason.code, advice.reason.figures, english)
            if advice.reason
            else None
        ),
        "segments": [
            {
                "position": s.position,
                "gmv_low": _yuan(s.gmv.low_fen),
                "gmv_mid": _yuan(s.gmv.mid_fen),
                "gmv_high": _yuan(s.gmv.high_fen),
            }
            for s in (projection.segments if projection else ())
        ],
        "suggestions": [
            {
                "kind": s.kind.value,
                "position": s.position,
                "message": advice_words(s.code, s.figures, english),
                "figures": _figures(dict(s.figures)),
                "change": dict(s.change),
            }
            for s in advice.suggestions
        ],
    }


def _right(text: str, columns: int) -> str:
    return " " * (columns - width(text)) + text


def advice_text(
    data: dict,  # type: ignore[type-arg]
    title: str,
    titles: dict[int, str],
    suggestions: list[str],
    reason: str,
) -> str:
    """The advice for a terminal: what it rests on, the projection (show, then segment by
    segment) or `reason` why there is none, then the `suggestions` (worded in the user's
    language), numbered."""
    basis = data["basis"]
    lines = [
        say(
            QT_TRANSLATE_NOOP("cli", "{title} (show {show_id}): advice from {count} earlier shows"),
            title=visible(title),
            show_id=data["show_id"],
            count=len(basis["shows"]),
        )
    ]
    if basis["shows"]:
        lines.append(
            say(
                QT_TRANSLATE_NOOP("cli", "  shows {shows}; platform {platform}; starting {slot}"),
                shows=", ".join(str(i) for i in basis["shows"]),
                platform=basis["platform"] or say(QT_TRANSLATE_NOOP("cli", "any")),
                slot=basis["slot"] or say(QT_TRANSLATE_NOOP("cli", "at any time")),
            )
        )
    projection = data["projection"]
    if projection is None:
        lines.append(visible(reason))
    else:
        gmv = projection["gmv"]
        lines.append(
            say(
                QT_TRANSLATE_NOOP("cli", "Projected GMV {mid} (range {low} to {high})"),
                mid=whole_yuan(gmv["mid"]),
                low=whole_yuan(gmv["low"]),
                high=whole_yuan(gmv["high"]),
            )
        )
        headers = [
            say(QT_TRANSLATE_NOOP("cli", "low")),
            say(QT_TRANSLATE_NOOP("cli", "mid")),
            say(QT_TRANSLATE_NOOP("cli", "high")),
            say(QT_TRANSLATE_NOOP("cli", "title")),
        ]
        figures = [
            [whole_yuan(s[key]) for key in ("gmv_low", "gmv_mid", "gmv_high")]
            for s in data["segments"]
        ]
        # At least as wide as the demo's, wider where a figure needs it: columns never touch.
        wide = max([12, *(len(f) + 2 for row in figures for f in row)])
        lines.append(
            f"{'#':>3}{_right(headers[0], wide)}{_right(headers[1], wide)}"
            f"{_right(headers[2], wide)}  {headers[3]}"
        )
        for s, (low, mid, high) in zip(data["segments"], figures, strict=True):
            lines.append(
                f"{s['position']:>3}{low:>{wide}}{mid:>{wide}}{high:>{wide}}"
                f"  {visible(titles.get(s['position'], ''))}"
            )
    if suggestions:
        lines.append(say(QT_TRANSLATE_NOOP("cli", "Suggestions:")))
        lines += [f"{n:>3}. {visible(text)}" for n, text in enumerate(suggestions, start=1)]
    else:
        lines.append(say(QT_TRANSLATE_NOOP("cli", "No suggestions.")))
    return "\n".join(lines)
