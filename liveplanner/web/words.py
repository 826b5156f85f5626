"""The pages' own words, translated on the server into the language it was started in, so a
phone shows the team's language whatever its own settings. Marked for lupdate under the context
"web"; the Chinese is in scripts/glossary.py."""

from liveplanner.app.translations import QT_TRANSLATE_NOOP, translator

CONTEXT = "web"

WORDS = {
    "title": QT_TRANSLATE_NOOP("web", "Live desk"),
    "role.host": QT_TRANSLATE_NOOP("web", "Host"),
    "role.co_host": QT_TRANSLATE_NOOP("web", "Co-host"),
    "role.floor_control": QT_TRANSLATE_NOOP("web", "Floor control"),
    "role.customer_service": QT_TRANSLATE_NOOP("web", "Customer service"),
    "role.ops": QT_TRANSLATE_NOOP("web", "Ops"),
    "role.tech": QT_TRANSLATE_NOOP("web", "Tech"),
    "role.viewer": QT_TRANSLATE_NOOP("web", "Viewer (read only)"),
    "phase.idle": QT_TRANSLATE_NOOP("web", "Not started"),
    "phase.running": QT_TRANSLATE_NOOP("web", "Running"),
    "phase.paused": QT_TRANSLATE_NOOP("web", "Paused"),
    "phase.overtime": QT_TRANSLATE_NOOP("web", "Overtime"),
    "phase.finished": QT_TRANSLATE_NOOP("web", "Finished"),
    "no_run": QT_TRANSLATE_NOOP("web", "No run is open: the plan, counting nothing"),
    "rehearsal": QT_TRANSLATE_NOOP("web", "Rehearsal"),
    "live": QT_TRANSLATE_NOOP("web", "Live"),
    "next": QT_TRANSLATE_NOOP("web", "Next: {title} ({time})"),
    "last_segment": QT_TRANSLATE_NOOP("web", "Last segment"),
    "cues": QT_TRANSLATE_NOOP("web", "Cues"),
    "checklist": QT_TRANSLATE_NOOP("web", "Release checklist"),
    "nothing_due": QT_TRANSLATE_NOOP("web", "Nothing due"),
    "counters": QT_TRANSLATE_NOOP("web", "Products and promos"),
    "no_counters": QT_TRANSLATE_NOOP("web", "None in this segment"),
    "stock_left": QT_TRANSLATE_NOOP("web", "Stock left"),
    "sold": QT_TRANSLATE_NOOP("web", "Sold"),
    "released": QT_TRANSLATE_NOOP("web", "Released"),
    "claimed": QT_TRANSLATE_NOOP("web", "Claimed"),
    "sold_out": QT_TRANSLATE_NOOP("web", "Sold out"),
    "mark_sold_out": QT_TRANSLATE_NOOP("web", "Mark sold out"),
    "release_more": QT_TRANSLATE_NOOP("web", "Released +"),
    "units": QT_TRANSLATE_NOOP("web", "units"),
    "recent": QT_TRANSLATE_NOOP("web", "Last ticks"),
    "no_ticks": QT_TRANSLATE_NOOP("web", "No ticks yet"),
    "move_on": QT_TRANSLATE_NOOP("web", "Sold out — move on"),
    "tick": QT_TRANSLATE_NOOP("web", "Done"),
    "untick": QT_TRANSLATE_NOOP("web", "Undo"),
    "in": QT_TRANSLATE_NOOP("web", "in {time}"),
    "ago": QT_TRANSLATE_NOOP("web", "{time} ago"),
    "reconnecting": QT_TRANSLATE_NOOP("web", "Reconnecting…"),
    "kind.cue": QT_TRANSLATE_NOOP("web", "Cue"),
    "kind.list": QT_TRANSLATE_NOOP("web", "Put on the shelf"),
    "kind.price": QT_TRANSLATE_NOOP("web", "Set the price"),
    "kind.coupon": QT_TRANSLATE_NOOP("web", "Release coupons"),
    "kind.draw": QT_TRANSLATE_NOOP("web", "Start the draw"),
    "promo.coupon": QT_TRANSLATE_NOOP("web", "Coupon"),
    "promo.flash_sale": QT_TRANSLATE_NOOP("web", "Flash sale"),
    "promo.lucky_draw": QT_TRANSLATE_NOOP("web", "Lucky draw"),
    "promo.gift": QT_TRANSLATE_NOOP("web", "Gift"),
}

# The language tag of the page's <html lang>, by the server's language.
HTML_LANG = {"zh_CN": "zh-CN", "en": "en"}


def page_words(language: str) -> dict[str, str]:
    """Every word the page shows, in `language` ("zh_CN" or "en")."""
    translate = translator(language)
    return {key: translate(CONTEXT, source) for key, source in WORDS.items()}
