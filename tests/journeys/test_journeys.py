"""Each job done by hand, start to end, on a laptop and a desktop screen, in Chinese and in
English: the drive_*.py journeys run in a fresh process per screen and language, because a
process has one QApplication and its screen is fixed when it starts.

LIVEPLANNER_JOURNEY_SHOTS=folder keeps a picture of every window at every step, to look at.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import screens
from screens import offscreen_with

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
# A 1366×768 laptop has about 1366×705 left for a maximised window (taskbar and title bar);
# that is the screen the journey is given, so anything that fits it fits the laptop.
SCREENS = {"laptop": screens.LAPTOP, "desktop": screens.DESKTOP}
JOBS = ["producer", "host", "lead", "studio"]


@pytest.mark.parametrize("job", JOBS)
@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("screen", SCREENS)
def test_journey(job: str, language: str, screen: str, tmp_path: Path) -> None:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = offscreen_with(tmp_path, SCREENS[screen])
    env["LIVEPLANNER_JOURNEY_LANGUAGE"] = language
    if env.get("LIVEPLANNER_JOURNEY_SHOTS"):
        env["LIVEPLANNER_JOURNEY_SHOTS"] = str(
            Path(env["LIVEPLANNER_JOURNEY_SHOTS"]) / f"{screen}-{language}"
        )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-n",
            "0",  # one process: it has one screen
            "--basetemp",
            str(tmp_path / "run"),
            str(HERE / f"drive_{job}.py"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-4000:]
