"""The host's timer on a clock the journey moves (the `clock` fixture in conftest.py)."""


class StudioClock:
    """The monotonic clock the timer reads, moved on by the journey instead of by waiting."""

    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now
