"""Grow a screen logger's file for the demo show while it is rehearsed (issue 21): the rows a
logger would append as the show runs to plan (app.demo_feed), each written when its time comes,
`--speed` times faster than the show's own clock, starting from now.

Usage: python scripts/demo_feed.py FILE [--speed 60] [--minutes 180]
Point the live feed at FILE (its first line is the header) and start the demo show's run.
"""

import argparse
import time
from datetime import UTC, datetime
from pathlib import Path

from liveplanner.app.demo import demo_plan
from liveplanner.app.demo_feed import demo_feed_rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--speed", type=float, default=1.0, help="times the show's clock")
    parser.add_argument("--minutes", type=int, default=180, help="stop after this many rows")
    args = parser.parse_args()
    start = datetime.now(UTC).replace(second=0, microsecond=0)
    rows = list(demo_feed_rows(demo_plan(start), start))[: args.minutes + 1]
    began = time.monotonic()
    with args.file.open("a", encoding="utf-8") as handle:
        for moment, line in rows:
            wait = (moment - start).total_seconds() / max(args.speed, 0.001)
            time.sleep(max(began + wait - time.monotonic(), 0))
            handle.write(line + "\n")
            handle.flush()


if __name__ == "__main__":
    main()
