"""The steps that turn one ordered list of ids into another, in an order item views can follow:
removals from the bottom up, then one reorder of what is left, then insertions top down."""

from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Remove:
    row: int


@dataclass(frozen=True, slots=True)
class Reorder(Generic[K]):
    order: tuple[K, ...]  # the surviving ids in their new order


@dataclass(frozen=True, slots=True)
class Insert(Generic[K]):
    row: int
    key: K


def row_steps(old: Sequence[K], new: Sequence[K]) -> Iterator[Remove | Reorder[K] | Insert[K]]:
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
