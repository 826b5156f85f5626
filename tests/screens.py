"""A Qt with the screens a test names: the offscreen platform reads them from a file at start,
so a test that needs them runs its Qt in a process of its own with this platform string."""

import json
from pathlib import Path

# The usual sizes: what a maximised 1366×768 laptop leaves a window, and a studio's monitor.
LAPTOP = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 705}
DESKTOP = {"name": "desktop", "x": 0, "y": 0, "width": 1920, "height": 1080}


def offscreen_with(folder: Path, *screens: dict[str, object], synchronous: bool = False) -> str:
    """QT_QPA_PLATFORM for an offscreen Qt whose screens are `screens`, with window frames."""
    config = {
        "synchronousWindowSystemEvents": synchronous,
        "windowFrameMargins": True,
        "screens": [{**s, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1} for s in screens],
    }
    path = folder / "screens.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return f"offscreen:configfile={path}"
