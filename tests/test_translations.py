"""Every visible string is translated into Simplified Chinese, and the shipped .qm files are
compiled from the current sources."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import liveplanner

ROOT = Path(liveplanner.__file__).parent
TRANSLATIONS = ROOT / "resources" / "translations"


def lupdate() -> str:
    found = shutil.which("pyside6-lupdate") or str(
        Path(sys.executable).with_name("pyside6-lupdate")
    )
    if not Path(found).exists():
        pytest.skip("pyside6-lupdate is not installed")
    return found


def unfinished(ts: Path) -> list[str]:
    return [
        f"{message.findtext('source')!r}"
        for message in ET.parse(ts).getroot().iter("message")
        if (t := message.find("translation")) is not None
        and (t.get("type") == "unfinished" or not ((t.text or "").strip() or list(t)))
    ]


def test_the_chinese_translation_has_no_unfinished_string() -> None:
    assert unfinished(TRANSLATIONS / "liveplanner_zh_CN.ts") == []


def test_the_sources_hold_every_string_the_code_shows(tmp_path: Path) -> None:
    copy = tmp_path / "check.ts"
    shutil.copy(TRANSLATIONS / "liveplanner_zh_CN.ts", copy)
    # As scripts/update_translations.sh scans them: the window's and the command line's texts.
    sources = sorted(
        str(p) for folder in ("ui", "app", "cli") for p in (ROOT / folder).rglob("*.py")
    )
    result = subprocess.run(
        [lupdate(), "-no-obsolete", *sources, "-ts", str(copy)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "0 new" in result.stdout + result.stderr, "run scripts/update_translations.sh"
    assert unfinished(copy) == []


@pytest.mark.parametrize("name", ["liveplanner_zh_CN", "liveplanner_en"])
def test_compiled_translations_match_their_sources(name: str, tmp_path: Path) -> None:
    ts, qm = TRANSLATIONS / f"{name}.ts", TRANSLATIONS / f"{name}.qm"
    # Compiling is deterministic: the shipped .qm is what lrelease makes of the .ts now.
    fresh = tmp_path / f"{name}.qm"
    lrelease = Path(lupdate()).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), str(ts), "-qm", str(fresh)], capture_output=True, check=True)
    assert fresh.read_bytes() == qm.read_bytes(), "run scripts/update_translations.sh"
