"""`liveplanner template ...` and `liveplanner library ...`: what a team reuses. Team templates
saved from shows, listed and deleted; the product library's products added, changed, deleted,
picked into shows, saved from shows, and each one's history across shows."""

import argparse
from typing import Any

from liveplanner.app import library, templates
from liveplanner.app.database import Database
from liveplanner.app.library import LibraryProduct, ProductHistory
from liveplanner.app.templates import TeamTemplate
from liveplanner.app.translations import QT_TRANSLATE_NOOP
from liveplanner.cli.output import MISSING, UserError, emit, refusal, say, table, visible
from liveplanner.core.inputs import parse_money
from liveplanner.core.money import format_yuan
from liveplanner.core.schedule import format_duration


def _yuan(fen: float | None) -> float | None:
    return None if fen is None else round(fen / 100, 2)


def _price(fen: int | None) -> str:
    return MISSING if fen is None else format_yuan(fen)


# Team templates


def _template(t: TeamTemplate) -> dict[str, object]:
    return {
        "name": t.name,
        "saved_at": t.saved_at.isoformat(timespec="seconds"),
        "saved_by": t.saved_by,
        "segments": t.segments,
        "total_s": t.duration_s,
        "products": t.products,
    }


def save_template(args: argparse.Namespace, db: Database) -> int:
    saved = templates.save_template(db, args.show_id, args.name, args.with_products, args.replace)
    emit(
        args,
        _template(saved),
        say(QT_TRANSLATE_NOOP("cli", "saved team template {name}"), name=visible(saved.name)),
    )
    return 0


def list_templates(args: argparse.Namespace, db: Database) -> int:
    found = templates.list_templates(db)
    text = table(
        [
            say(QT_TRANSLATE_NOOP("cli", "Template")),
            say(QT_TRANSLATE_NOOP("cli", "Segments")),
            say(QT_TRANSLATE_NOOP("cli", "Length")),
            say(QT_TRANSLATE_NOOP("cli", "Products")),
            say(QT_TRANSLATE_NOOP("cli", "Saved")),
            say(QT_TRANSLATE_NOOP("cli", "By")),
        ],
        [
            [
                t.name,
                str(t.segments),
                format_duration(t.duration_s),
                str(t.products),
                t.saved_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                t.saved_by,
            ]
            for t in found
        ],
        [40, 8, 8, 8, 16, 20],
    )
    emit(args, [_template(t) for t in found], text)
    return 0


def delete_template(args: argparse.Namespace, db: Database) -> int:
    templates.delete_template(db, args.name)
    name = args.name.strip()
    emit(
        args,
        {"deleted": name},
        say(QT_TRANSLATE_NOOP("cli", "deleted team template {name}"), name=visible(name)),
    )
    return 0


# The product library


def _product(p: LibraryProduct) -> dict[str, object]:
    return {
        "id": p.id,
        "name": p.name,
        "sku": p.sku,
        "list_price": _yuan(p.list_price_fen),
        "cost": _yuan(p.unit_cost_fen),
    }


def _money(text: str, option: str) -> int | None:
    """An option's amount in yuan (万 taken) as fen; '' clears it."""
    try:
        return parse_money(text)
    except ValueError as exc:
        raise UserError(f"{option}: {refusal(exc)}") from None


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if args.name is not None:
        changes["name"] = args.name
    if args.sku is not None:
        changes["sku"] = args.sku
    for option, field, text in (
        ("--cost", "unit_cost_fen", args.cost),
        ("--list-price", "list_price_fen", args.list_price),
    ):
        if text is not None:
            changes[field] = _money(text, option)
    return changes


def _product_line(p: LibraryProduct) -> str:
    return say(QT_TRANSLATE_NOOP("cli", "library product {id}: {name}"), id=p.id, name=p.name)


def add_product(args: argparse.Namespace, db: Database) -> int:
    changes = _changes(args)
    added = library.add_product(
        db,
        changes["name"],
        changes.get("sku", ""),
        changes.get("list_price_fen"),
        changes.get("unit_cost_fen"),
    )
    emit(args, _product(added), _product_line(added))
    return 0


def edit_product(args: argparse.Namespace, db: Database) -> int:
    changes = _changes(args)
    if not changes:
        raise UserError(
            say(
                QT_TRANSLATE_NOOP(
                    "cli", "nothing to change: give --name, --sku, --cost or --list-price"
                )
            )
        )
    was = library.load_product(db, args.library_id)
    changed = library.update_product(db, was.id, was.version, **changes)
    emit(args, _product(changed), _product_line(changed))
    return 0


def delete_product(args: argparse.Namespace, db: Database) -> int:
    gone = library.delete_product(db, args.library_id)
    emit(
        args,
        {"deleted": gone.id},
        say(QT_TRANSLATE_NOOP("cli", "deleted library product {id}"), id=gone.id),
    )
    return 0


def list_products(args: argparse.Namespace, db: Database) -> int:
    found = library.list_products(db)
    text = table(
        [
            say(QT_TRANSLATE_NOOP("cli", "ID")),
            say(QT_TRANSLATE_NOOP("cli", "Product")),
            say(QT_TRANSLATE_NOOP("cli", "Link / SKU")),
            say(QT_TRANSLATE_NOOP("cli", "List price")),
            say(QT_TRANSLATE_NOOP("cli", "Cost")),
        ],
        [
            [str(p.id), p.name, p.sku, _price(p.list_price_fen), _price(p.unit_cost_fen)]
            for p in found
        ],
        [8, 40, 16, 12, 12],
    )
    emit(args, [_product(p) for p in found], text)
    return 0


def pick(args: argparse.Namespace, db: Database) -> int:
    added = library.pick(db, args.library_id, args.show)
    emit(
        args,
        {"show_id": args.show, "product_id": added.id, "library_id": args.library_id},
        say(
            QT_TRANSLATE_NOOP("cli", "added {name} to show {show} as product {id}"),
            name=visible(added.name),
            show=args.show,
            id=added.id,
        ),
    )
    return 0


def save_product(args: argparse.Namespace, db: Database) -> int:
    kept = library.save_to_library(db, args.show_id, args.product_id)
    emit(args, _product(kept), _product_line(kept))
    return 0


def _history(h: ProductHistory) -> dict[str, object]:
    return {
        "show_id": h.show_id,
        "title": h.title,
        "date": h.planned_start.date().isoformat(),
        "platform": h.platform.value,
        "product_id": h.product_id,
        "stock": h.stock,
        "sold": h.sold,
        "sell_through": None if h.sell_through is None else round(h.sell_through, 4),
        "gmv_per_min": _yuan(h.gmv_per_min_fen),
    }


def history(args: argparse.Namespace, db: Database) -> int:
    item = library.load_product(db, args.library_id)
    found = library.history(db, args.library_id)

    def count(n: int | None) -> str:
        return MISSING if n is None else f"{n:,}"

    rows = [
        [
            str(h.show_id),
            h.planned_start.date().isoformat(),
            h.platform.value,
            count(h.stock),
            count(h.sold),
            MISSING if h.sell_through is None else f"{h.sell_through:.0%}",
            MISSING if h.gmv_per_min_fen is None else f"{h.gmv_per_min_fen / 100:,.0f}",
            h.title,
        ]
        for h in found
    ]
    text = "\n".join(
        [
            _product_line(item),
            table(
                [
                    say(QT_TRANSLATE_NOOP("cli", "Show")),
                    say(QT_TRANSLATE_NOOP("cli", "Date")),
                    say(QT_TRANSLATE_NOOP("cli", "Platform")),
                    say(QT_TRANSLATE_NOOP("cli", "Stock")),
                    say(QT_TRANSLATE_NOOP("cli", "Sold")),
                    say(QT_TRANSLATE_NOOP("cli", "Sell-through")),
                    say(QT_TRANSLATE_NOOP("cli", "GMV/min pitched")),
                    say(QT_TRANSLATE_NOOP("cli", "Title")),
                ],
                rows,
                [8, 10, 10, 8, 8, 8, 12, 40],
            ),
        ]
    )
    emit(args, {"product": _product(item), "shows": [_history(h) for h in found]}, text)
    return 0


TEMPLATE_JOBS = {"save": save_template, "list": list_templates, "delete": delete_template}
LIBRARY_JOBS = {
    "list": list_products,
    "add": add_product,
    "edit": edit_product,
    "delete": delete_product,
    "pick": pick,
    "history": history,
    "save": save_product,
}
