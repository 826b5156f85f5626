"""Shoot the live desk's pages for the README: floor control's phone and the host's tablet, in
Chinese and English, in headless Chromium (Debian's chromium and chromium-driver).

    python scripts/desk_screenshots.py [--check DIR]

The demo show is timed to its first flash sale, 25 s before the segment's end (the countdown
amber). Floor control's phone: the cable is on the shelf, the sale's price is late. The host's
tablet, once floor control has released the sale and ops has counted it claimed to the last unit:
"sold out — move on". The README's pictures go
to docs/screenshots/; with --check DIR, every role's page at both sizes goes to DIR as well, for
looking at. Look at each picture before committing it.
"""

import argparse
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

# The tests' timed show (tests/desk_helpers.py): injected clocks, the host's timer.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from desk_helpers import Clocks, HostsTimer, desk

from liveplanner.app.demo import create_demo
from liveplanner.app.live_desk import LiveDesk
from liveplanner.app.workspace import open_database
from liveplanner.core.enums import DeskEventKind, Role
from liveplanner.storage import shows
from liveplanner.web.screens import SCREENS
from liveplanner.web.sharing import ScreenServer

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SIZES = {"phone": (360, 740), "tablet": (1024, 768)}
TALL = {"phone-whole": (360, 2000), "tablet-whole": (1024, 1400)}  # --check: all of the page
SHORT = {"floor_control": "floor", "customer_service": "service", "co_host": "cohost"}


def browser(size: tuple[int, int]) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--hide-scrollbars"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    # The device's own viewport: a window is never narrower than 500 px, a phone is.
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": size[0] < 600},
    )
    return driver


def shoot(live: LiveDesk, shots: set[tuple[str, str]], folders: list[Path]) -> None:
    """Each (screen, size) of `shots`, in both languages, into every folder."""
    for language, suffix in (("zh_CN", "zh"), ("en", "en")):
        server = ScreenServer(live.db, live.show_id, language=language, desk=live)
        shared = server.start()
        try:
            for size_name, size in (SIZES | TALL).items():
                names = [n for n in SCREENS if (n, size_name) in shots]
                if not names:
                    continue
                driver = browser(size)
                try:
                    for name in names:
                        driver.get(shared.roles[name])
                        WebDriverWait(driver, 10).until(
                            lambda d: d.find_element(By.ID, "segment").text != ""
                        )
                        file = f"desk-{SHORT.get(name, name)}-{size_name}-{suffix}.png"
                        for folder in folders:
                            folder.mkdir(parents=True, exist_ok=True)
                            driver.save_screenshot(str(folder / file))
                            print(folder / file)
                finally:
                    driver.quit()
        finally:
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", type=Path, metavar="DIR", help="every page, for looking at")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    db = open_database(f"sqlite:///{folder / 'desk.db'}", backup_dir=folder / "backups")
    show_id = create_demo(db)
    plan = shows.load_plan(db, show_id)
    clocks = Clocks()
    host = HostsTimer(db, show_id, clocks)
    host.press("start")
    for segment in plan.segments[:5]:
        clocks.at += segment.duration_s
        host.press("next")
    clocks.at += plan.segments[5].duration_s - 25
    live = desk(db, show_id, clocks)
    # Floor control has put the cable on the shelf; the sale's price is late (amber).
    live.tick("list:5", "王磊", Role.FLOOR_CONTROL, None)
    shoot(live, {("floor_control", "phone")}, [OUT])
    # Then releases the sale, and ops counts it claimed to the last unit: the host moves on.
    live.tick("release:3", "王磊", Role.FLOOR_CONTROL, None)
    live.count(DeskEventKind.CLAIMED, "promo:4", 1000, "刘洋", Role.OPS)
    live.count(DeskEventKind.SOLD, "product:5", 1000, "刘洋", Role.OPS)
    shoot(live, {("host", "tablet")}, [OUT])
    if args.check:
        shoot(live, {(n, s) for n in SCREENS for s in SIZES | TALL}, [args.check])
    db.close()


if __name__ == "__main__":
    main()
