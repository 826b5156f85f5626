"""Two settings of Python's interpreter that keep the window's frames on time while the show's
sharing serves in the same process (issue 21's live feed): both measured by
benchmarks/feed_frames.py, both made by run_app."""

import gc
import sys

# How long a thread that wants the interpreter's lock waits before the thread holding it is
# asked to let go. The sharing's server thread reads a growing feed file's rows (a quarter
# second's 250 at a time) and a collector's lines in Python; meanwhile each time the GUI thread
# needs the lock (the frame's request, its paint, the countdown's text) it waits up to this
# long, and at Python's default of 5 ms a frame needing it a few times misses its 16.7 ms. At
# 1 ms the wait is a sixteenth of a frame; the cost is more switching for the threads that
# work on, a few hundredths of a millisecond each switch.
SWITCH_INTERVAL_S = 0.001


def share_the_interpreter() -> None:
    """Let the GUI thread have the interpreter within a millisecond of asking for it."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def freeze_start_up() -> None:
    """Keep what start-up made (modules, classes, the window's wrappers: most of the objects a
    running app has) out of the garbage collector's full passes. A full pass stops every thread,
    the window's too, for as long as it walks the objects it tracks: with start-up's among them
    a pass took 100 to 200 ms while a feed came in, long enough to see the countdown stop.
    What start-up made lives until the app quits, so nothing is lost by never collecting it."""
    gc.freeze()
