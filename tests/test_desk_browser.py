"""The desk's pages in a real browser: Debian's headless Chromium, driven by selenium through
chromium-driver, against a running ScreenServer on the demo show while the host's timer runs on
injected clocks. The countdown follows the timer and is large on a tablet, a phone needs no
sideways scrolling, a tick on floor control's phone shows on the host's tablet, a page whose
Wi-Fi drops says so and catches up when it is back, a wrong token gets nothing.

Every wait is on a condition of the page (WebDriverWait), never a fixed sleep. Skipped only when
the browser or its driver is not installed (`apt-get install chromium chromium-driver`; .ci/run
installs them)."""

import shutil
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from desk_helpers import WAIT_S, Clocks, HostsTimer, Wifi, desk
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from liveplanner.app.demo import create_demo, demo_plan
from liveplanner.storage import shows
from liveplanner.storage.database import Database
from liveplanner.web.sharing import ScreenServer

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
PHONE, TABLET = (360, 740), (1024, 768)
MARKUP = '</script><img id="injected" src=x onerror="document.title=1">双11'  # a title, as text

pytestmark = pytest.mark.skipif(
    not (shutil.which(CHROMIUM) and shutil.which(DRIVER)),
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
)


def browser(size: tuple[int, int]) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-gpu",
        "--disable-dev-shm-usage",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    # The device's own viewport: a window is never narrower than 500 px, a phone is.
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": size[0] < 600},
    )
    return driver


@pytest.fixture
def browsers() -> Iterator[list[webdriver.Chrome]]:
    opened: list[webdriver.Chrome] = []
    yield opened
    for driver in opened:
        driver.quit()


def until(driver: webdriver.Chrome, condition: Callable[[webdriver.Chrome], object]) -> object:
    return WebDriverWait(
        driver, WAIT_S, poll_frequency=0.05, ignored_exceptions=[StaleElementReferenceException]
    ).until(condition)


def text(driver: webdriver.Chrome, css: str) -> str:
    return str(driver.find_element(By.CSS_SELECTOR, css).text)


def classes(driver: webdriver.Chrome, element_id: str) -> str:
    return str(driver.find_element(By.ID, element_id).get_attribute("class"))


def remaining(driver: webdriver.Chrome) -> int:
    return int(driver.find_element(By.ID, "countdown").get_attribute("data-remaining") or "0")


def test_the_pages_follow_the_timer_and_a_tick_on_one_shows_on_another(
    sqlite_db: Database, browsers: list[webdriver.Chrome]
) -> None:
    db = sqlite_db
    show_id = create_demo(db)
    plan = shows.load_plan(db, show_id)
    first, second = plan.segments[0], plan.segments[1]
    clocks = Clocks()
    host = HostsTimer(db, show_id, clocks)
    host.press("start")
    server = ScreenServer(db, show_id, poll_s=0.05, desk=desk(db, show_id, clocks))
    shared = server.start()
    try:
        floor, tablet = browser(PHONE), browser(TABLET)
        browsers += [floor, tablet]
        wifi = Wifi(shared.url)
        floor.get(wifi.link(shared.roles["floor_control"]))
        tablet.get(shared.roles["host"])
        for page in (floor, tablet):
            until(page, lambda d: text(d, "#segment") == first.title)
            # Counted down on the page between pushes: within a second of the timer's reading.
            until(page, lambda d: first.duration_s - 1 <= remaining(d) <= first.duration_s)
        assert text(floor, "#role") == "Floor control" and text(tablet, "#role") == "Host"
        # Legible from across the studio: the countdown's digits a sixth of the tablet's height.
        digits = tablet.execute_script(
            "return parseFloat(getComputedStyle(document.getElementById('countdown')).fontSize)"
            " / window.innerHeight"
        )
        assert digits >= 0.15
        # A phone in portrait: nothing wider than the screen, no sideways scrolling.
        assert floor.execute_script("return window.innerWidth") == PHONE[0]
        assert floor.execute_script("return document.documentElement.scrollWidth") <= PHONE[0]

        clocks.at = first.duration_s - 5.0  # five seconds left: the countdown turns red
        until(floor, lambda d: 3 <= remaining(d) <= 5)
        until(
            floor,
            lambda d: "level-danger" in str(d.find_element(By.ID, "clock").get_attribute("class")),
        )
        host.press("next")
        until(floor, lambda d: text(d, "#segment") == second.title)
        until(tablet, lambda d: text(d, "#segment") == second.title)
        until(floor, lambda d: second.duration_s - 1 <= remaining(d) <= second.duration_s)
        assert text(floor, "#counters li[data-item='product:2'] .left") == "—"  # nobody said

        # Floor control releases the segment's lucky draw; the host's tablet shows the tick.
        button = floor.find_element(By.CSS_SELECTOR, "#checklist li[data-key='release:1'] button")
        button.click()
        until(
            tablet, lambda d: d.find_elements(By.CSS_SELECTOR, "#recent li[data-key='release:1']")
        )
        assert "王磊" in text(tablet, "#recent li[data-key='release:1']")
        until(floor, lambda d: "✓" in text(d, "#checklist li[data-key='release:1']"))
        # The host does not tick floor control's release.
        assert not tablet.find_elements(
            By.CSS_SELECTOR, "#checklist li[data-key='release:1'] button"
        )

        # The phone's Wi-Fi drops: the page says so, and when it is back, catches up by itself.
        wifi.drop()
        until(floor, lambda d: d.find_element(By.ID, "reconnecting").is_displayed())
        host.press("next")
        wifi.back()
        until(floor, lambda d: text(d, "#segment") == plan.segments[2].title)
        assert not floor.find_element(By.ID, "reconnecting").is_displayed()

        server.stop()  # the sharing stops: every page says it is trying again
        until(tablet, lambda d: d.find_element(By.ID, "reconnecting").is_displayed())
    finally:
        server.stop()
        wifi.close()


def test_a_wrong_token_gets_nothing_and_a_title_with_markup_shows_as_text(
    sqlite_db: Database, browsers: list[webdriver.Chrome]
) -> None:
    plan = demo_plan()
    show_id = shows.save_plan(sqlite_db, replace(plan, show=replace(plan.show, title=MARKUP)))
    server = ScreenServer(sqlite_db, show_id, poll_s=0.05)
    shared = server.start()
    try:
        page = browser(PHONE)
        browsers.append(page)
        good = shared.roles["host"]
        page.get(good[:-4] + "zzz/")
        assert "403" in page.page_source
        assert not page.find_elements(By.ID, "countdown")
        page.get(good)
        until(page, lambda d: text(d, "#show") == MARKUP)
        assert not page.find_elements(By.CSS_SELECTOR, "img, #injected")
    finally:
        server.stop()
