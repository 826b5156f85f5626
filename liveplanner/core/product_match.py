"""A product export's lines matched to the show's products, as a run sheet matches its rows:
by link number (the product's SKU / 链接号) first, then by name. Names and link numbers are
compared NFKC-normalised (full-width letters and digits as half-width), case-folded and without
spaces, so "１号链接" is "1号链接" and "Lip Balm" is "lipbalm". A link number written as a whole
number ("12", "012", "12.0") is one number. A name two of the show's products share matches
neither: the line is left unmatched rather than guessed."""

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from liveplanner.core.plan import Product
from liveplanner.core.product_sales import ProductSales

_WHOLE = re.compile(r"0*(\d+)(?:\.0+)?")


def name_key(text: str) -> str:
    """A product name or link number as matching compares it."""
    normal = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", "", normal)


def link_key(text: str) -> str:
    key = name_key(text)
    whole = _WHOLE.fullmatch(key)
    return whole.group(1) if whole else key


@dataclass(frozen=True, slots=True)
class Matching:
    matched: tuple[ProductSales, ...]  # product_id set
    unmatched: tuple[ProductSales, ...]  # product_id None
    how: dict[int, str]  # a matched line's row -> "link" or "name"

    @property
    def lines(self) -> tuple[ProductSales, ...]:
        """Every line in the file's order."""
        return tuple(sorted(self.matched + self.unmatched, key=lambda line: line.row))


def _unique(pairs: Iterable[tuple[str, int]]) -> dict[str, int]:
    """Key -> product id, for keys only one product has (and not empty)."""
    seen: dict[str, int | None] = {}
    for key, product_id in pairs:
        if not key:
            continue
        seen[key] = product_id if key not in seen else None
    return {key: product_id for key, product_id in seen.items() if product_id is not None}


def match_products(lines: Sequence[ProductSales], products: Sequence[Product]) -> Matching:
    """Each line's product: the one whose link number (SKU) is the line's, else the one whose
    name is the line's; lines neither finds are listed unmatched."""
    by_link = _unique((link_key(p.sku), p.id) for p in products)
    by_name = _unique((name_key(p.name), p.id) for p in products)
    matched: list[ProductSales] = []
    unmatched: list[ProductSales] = []
    how: dict[int, str] = {}
    for line in lines:
        found, way = None, ""
        if line.link and (found := by_link.get(link_key(line.link))) is not None:
            way = "link"
        elif line.name and (found := by_name.get(name_key(line.name))) is not None:
            way = "name"
        if found is None:
            unmatched.append(replace(line, product_id=None))
        else:
            matched.append(replace(line, product_id=found))
            how[line.row] = way
    return Matching(tuple(matched), tuple(unmatched), how)
