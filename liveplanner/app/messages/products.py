"""A product export's import (商品明细) in words: the refusals and notices of formats/products,
and what app/products refuses (a mapping naming no field). The refusals it shares with the
minute import (a file too large, binary, empty …) are worded as there."""

from liveplanner.app.messages.imports import import_problem_words
from liveplanner.app.translations import QT_TRANSLATE_NOOP, Translate
from liveplanner.formats.problems import Problem

CONTEXT = "Messages"

PROBLEM_TEXTS = {
    "import.no_product_header": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: no header row in its first {rows} rows; expected a row naming the products' "
        "column (商品, Product name …)",
    ),
    "import.no_product_column": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: no column of product names or link numbers among {columns}; choose which "
        "column names the products",
    ),
    "import.no_product_figures": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: none of the columns is a product figure liveplanner knows ({columns}); "
        "expected exposures, clicks, add to cart, items sold, GMV or refunds",
    ),
    "import.product_map_no_column": QT_TRANSLATE_NOOP(
        "Messages", "{file} has no column “{header}”; its columns: {columns}"
    ),
    "import.two_columns_one_field": QT_TRANSLATE_NOOP(
        "Messages", "{file}: columns “{first}” and “{second}” are both {field}"
    ),
    "import.product_not_a_number": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, row {row}, column “{column}”: “{value}” is not {what}; ",
    ),
    "import.product_negative": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, row {row}, column “{column}”: “{value}” is below zero; {field} is a count or "
        "an amount, expected 0 or more",
    ),
    "import.product_out_of_range": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, row {row}, column “{column}”: “{value}” is more than one product of a show "
        "can sell or count; expected at most {limit}",
    ),
    "import.product_no_name": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, row {row}: figures without a product; expected its name or link number in "
        "column “{column}”",
    ),
    "import.product_text_too_long": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}, row {row}, column “{column}”: {length} characters; a product's name or link "
        "holds at most {limit}",
    ),
    "import.too_many_products": QT_TRANSLATE_NOOP(
        "Messages",
        "{file}: more than {limit} product rows; a show's product export has a few hundred",
    ),
}

OPERATION_TEXTS = {
    "products.map_no_field": QT_TRANSLATE_NOOP(
        "Messages",
        "“{field}” is not a product figure liveplanner knows; expected one of: {known}",
    ),
}

TEXTS = {**PROBLEM_TEXTS, **OPERATION_TEXTS}

# A field's name inside a message, as the import dialog's column choices say it.
FIELD_NAMES = {
    "name": QT_TRANSLATE_NOOP("Messages", "product name"),
    "link": QT_TRANSLATE_NOOP("Messages", "link number"),
    "exposures": QT_TRANSLATE_NOOP("Messages", "exposures"),
    "clicks": QT_TRANSLATE_NOOP("Messages", "clicks"),
    "add_to_cart": QT_TRANSLATE_NOOP("Messages", "add to cart"),
    "sold": QT_TRANSLATE_NOOP("Messages", "items sold"),
    "gmv": QT_TRANSLATE_NOOP("Messages", "GMV"),
    "refunds": QT_TRANSLATE_NOOP("Messages", "refunds"),
}
# Said after a figure's refusal ("… is not a count; "), kept apart: the catalogue's English
# holds no Chinese, and this names the Chinese unit an export writes.
_EXPECTED_FIGURE = QT_TRANSLATE_NOOP("Messages", "expected such as 1234, 1,234.5, 1.2万 or ¥99")
_WHAT = {
    "a count": QT_TRANSLATE_NOOP("Messages", "a count"),
    "an amount in yuan": QT_TRANSLATE_NOOP("Messages", "an amount in yuan"),
}


def product_problem_words(problem: Problem, translate: Translate) -> str:
    """A product export's refusal or notice in the user's language, its figures filled in."""
    code = f"import.{problem.code}"
    if code not in PROBLEM_TEXTS:
        return import_problem_words(problem, translate)
    params = dict(problem.params)
    if str(params.get("field", "")) in FIELD_NAMES:
        params["field"] = translate(CONTEXT, FIELD_NAMES[str(params["field"])])
    if str(params.get("what", "")) in _WHAT:
        params["what"] = translate(CONTEXT, _WHAT[str(params["what"])])
    text = translate(CONTEXT, PROBLEM_TEXTS[code])
    if problem.code == "product_not_a_number":
        text += translate(CONTEXT, _EXPECTED_FIGURE)
    return text.format(**params)
