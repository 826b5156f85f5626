"""Why a team template or a library product was refused: a name taken or out of bounds, one
that is not there, a product a show has already. Worded here for both front-ends."""

from liveplanner.app.translations import QT_TRANSLATE_NOOP

TEXTS = {
    "template.bad_name": QT_TRANSLATE_NOOP(
        "Messages",
        "a template's name needs 1 to {max} characters, none of them a control character",
    ),
    "template.built_in_name": QT_TRANSLATE_NOOP(
        "Messages", "“{name}” names a built-in template; pick another name"
    ),
    "storage.template_exists": QT_TRANSLATE_NOOP(
        "Messages",
        "a team template called “{name}” exists already; replace it or pick another name",
    ),
    "storage.no_template": QT_TRANSLATE_NOOP("Messages", "there is no team template “{name}”"),
    "storage.no_library_product": QT_TRANSLATE_NOOP("Messages", "there is no library product {id}"),
    "storage.library_bad_name": QT_TRANSLATE_NOOP(
        "Messages", "a product's name needs 1 to {max} characters, none of them a control character"
    ),
    "storage.library_bad_sku": QT_TRANSLATE_NOOP(
        "Messages", "a link number or SKU holds no control characters"
    ),
    "storage.library_sku_taken": QT_TRANSLATE_NOOP(
        "Messages", "library product {id} has the link number or SKU “{sku}” already"
    ),
    "storage.library_price_range": QT_TRANSLATE_NOOP(
        "Messages", "{yuan} yuan: a price or a cost is at most {most} yuan"
    ),
    "storage.library_name_taken": QT_TRANSLATE_NOOP(
        "Messages", "the library has a product called “{name}” already (id {id})"
    ),
    "library.in_show_already": QT_TRANSLATE_NOOP(
        "Messages", "“{title}” has “{name}” already; nothing was added"
    ),
    "library.no_show_product": QT_TRANSLATE_NOOP("Messages", "show {show} has no product {id}"),
}
