"""Retention (停留时长): how long viewers stayed and how many a segment kept.

Exports give the average watch time as a reading at each minute (`avg_watch_s`, like online
viewers). A stretch's average weights each minute's reading by its online viewers, so a crowded
minute counts for more than an empty one; where some minute has no viewer reading, the plain
average of the readings. A segment's viewers kept are its online viewers at its last minute
with a reading over those at its first: below 1 it lost people, above 1 it drew them in.
"""

import numpy as np


def avg_watch(
    watch: np.ndarray | None, viewers: np.ndarray | None, rows: np.ndarray, n: int
) -> list[float | None]:
    """Each row's average watch time in seconds over its minutes (`rows` gives each minute's
    row); None for a row without a reading, or when the export has no such series."""
    if watch is None:
        return [None] * n
    read = ~np.isnan(watch)
    count = np.bincount(rows[read], minlength=n)
    plain = np.bincount(rows[read], weights=watch[read], minlength=n)
    weighed_count: np.ndarray = np.zeros(n)
    weighed: np.ndarray = np.zeros(n)
    weights: np.ndarray = np.zeros(n)
    if viewers is not None:
        both = read & ~np.isnan(viewers)
        weighed_count = np.bincount(rows[both], minlength=n)
        weighed = np.bincount(rows[both], weights=watch[both] * viewers[both], minlength=n)
        weights = np.bincount(rows[both], weights=viewers[both], minlength=n)
    result: list[float | None] = []
    for i in range(n):
        if not count[i]:
            result.append(None)
        elif weighed_count[i] == count[i] and weights[i] > 0:
            result.append(float(weighed[i] / weights[i]))
        else:
            result.append(float(plain[i] / count[i]))
    return result


def viewers_kept(viewers: np.ndarray | None, rows: np.ndarray, n: int) -> list[float | None]:
    """Each row's online viewers at its last minute with a reading over those at its first
    (minutes in time order); None with fewer than two readings, or none at the first."""
    if viewers is None:
        return [None] * n
    read = ~np.isnan(viewers)
    own, values = rows[read], viewers[read]
    first: dict[int, float] = {}
    last: dict[int, float] = {}
    count = np.bincount(own, minlength=n)
    for row, value in zip(own.tolist(), values.tolist(), strict=True):
        first.setdefault(row, value)
        last[row] = value
    return [last[i] / first[i] if count[i] >= 2 and first.get(i) else None for i in range(n)]
