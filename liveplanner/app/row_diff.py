"""The steps that turn one ordered list of ids into another, in an order item views can follow:
removals from the bottom up, then one reorder of what is left, then insertions top down."""

from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Remove:
    row: int


@dataclass(frozen=True, slots=True)
class Reorder:
    order: tuple[Hashable, ...]  # the surviving ids in their new order


@dataclass(frozen=True, slots=True)
class Insert:
    row: int
    key: Hashable


def row_steps(
    old: Sequence[Hashable], new: Sequence[Hashable]
) -> Iterator[Remove | Reorder | Insert]:
    """Each step applies to the list as the previous steps left it."""
    kept = set(new)
    current = list(old)
    for row in range(len(current) - 1, -1, -1):
        if current[row] not in kept:
            del current[row]
            yield Remove(row)
    remaining = set(current)
    order = [key for key in new if key in remaining]
    if order != current:
        current = order
        yield Reorder(tuple(order))
    for row, key in enumerate(new):
        if row >= len(current) or current[row] != key:
            current.insert(row, key)
            yield Insert(row, key)
