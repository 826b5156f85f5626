"""Optimistic concurrency: refuse a write made against an old version of a row."""

from liveplanner.storage.errors import StaleEditError


def check_version(entity: str, entity_id: int, current: int, expected: int) -> None:
    if current != expected:
        raise StaleEditError(
            entity,
            entity_id,
            f"the {entity} was changed by someone else (version {current}, you edited "
            f"version {expected}); reload it and make your change again",
            code="storage.stale",
            figures={"entity": entity, "current": current, "expected": expected},
        )
