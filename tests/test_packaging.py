"""The desktop bundles (packaging/): what the specs put in, the frozen app's log, and the built
Linux bundle run by packaging/smoke_test.sh when one has been built here."""

import ast
import importlib.util
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import liveplanner

REPO = Path(__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"
PACKAGE = Path(liveplanner.__file__).parent
BUNDLE = PACKAGING / "dist" / "liveplanner" / "liveplanner"


def load(name: str) -> ModuleType:
    """A module of packaging/ (not a package: it must not hide the `packaging` library)."""
    spec = importlib.util.spec_from_file_location(f"_packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def common() -> ModuleType:
    return load("common")


@pytest.fixture(scope="module")
def bundled(common: ModuleType) -> dict[str, str]:
    """The package's data files in the bundle: path inside the bundle -> source file."""
    return {f"{folder}/{Path(source).name}": source for source, folder in common.package_data()}


def test_the_bundle_holds_the_migrations_as_files_alembic_can_read(bundled: dict) -> None:
    migrations = PACKAGE / "storage" / "migrations"
    scripts = sorted(migrations.glob("versions/*.py"))
    assert len(scripts) >= 3
    for script in [migrations / "env.py", *scripts]:
        inside = "liveplanner/" + script.relative_to(PACKAGE).as_posix()
        assert bundled.get(inside) == str(script), inside


def test_the_bundle_holds_the_translations_and_the_show_file_schema(bundled: dict) -> None:
    compiled = sorted(PACKAGE.glob("resources/translations/*.qm"))
    assert {p.stem for p in compiled} >= {"liveplanner_zh_CN", "liveplanner_en"}
    # The command line words Chinese from the .ts, without Qt (app/translations.py).
    chinese_source = PACKAGE / "resources" / "translations" / "liveplanner_zh_CN.ts"
    for path in [*compiled, chinese_source, PACKAGE / "formats" / "showfile" / "schema.json"]:
        assert "liveplanner/" + path.relative_to(PACKAGE).as_posix() in bundled


def test_sources_the_app_does_not_read_stay_out(bundled: dict) -> None:
    assert not [name for name in bundled if name.endswith(("_en.ts", ".mako", ".pyc"))]


def test_qt_translations_are_kept_only_in_the_apps_languages(common: ModuleType) -> None:
    assert common.wanted("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert common.wanted("PySide6/translations/qt_en.qm")  # the Windows wheel's layout
    assert not common.wanted("PySide6/Qt/translations/qtbase_de.qm")
    assert not common.wanted("PySide6/Qt/translations/qt_help_zh_CN.qm")
    assert common.wanted("liveplanner/resources/translations/liveplanner_zh_CN.qm")
    assert common.wanted("PySide6/Qt/plugins/platforms/libqxcb.so")


def test_the_hidden_imports_name_modules_that_exist(common: ModuleType) -> None:
    for name in common.HIDDEN_IMPORTS:
        top = name.split(".")[0]
        if top.startswith("psycopg") and importlib.util.find_spec("psycopg") is None:
            continue  # the postgres extra is not installed here
        assert importlib.util.find_spec(name) is not None, name


def test_no_qt_module_the_app_loads_is_left_out(common: ModuleType) -> None:
    """Every module of liveplanner imported, pyqtgraph's chart drawn: which Qt modules load?

    pyqtgraph imports QtOpenGL by name when it draws a curve; left out, the review failed."""
    script = """
import importlib, json, pkgutil, sys
import liveplanner
for info in pkgutil.walk_packages(liveplanner.__path__, "liveplanner."):
    if info.name != "liveplanner.__main__":
        importlib.import_module(info.name)
from PySide6.QtWidgets import QApplication
app = QApplication([])
import pyqtgraph as pg
plot = pg.PlotWidget()
plot.plot([1, 2, 3])
print(json.dumps(sorted(m for m in sys.modules if m.startswith(("PySide6.", "pyqtgraph")))))
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout.splitlines()[-1]))
    assert {"PySide6.QtWidgets", "PySide6.QtPrintSupport", "PySide6.QtOpenGL"} <= loaded
    assert loaded & set(common.EXCLUDES) <= common.OPTIONAL, sorted(loaded & set(common.EXCLUDES))


def _keeps_arguments(name: str) -> object:
    return lambda *args, **kwargs: (name, args, kwargs)


def test_the_windows_version_resource_carries_the_apps_version(common: ModuleType) -> None:
    assert common.version() == liveplanner.__version__
    assert common.version_numbers("0.1.0") == (0, 1, 0, 0)
    assert common.version_numbers("1.2rc3") == (1, 2, 3, 0)
    assert common.version_numbers("2.0.1.dev4+g1234") == (2, 0, 1, 0)
    # PyInstaller eval()s the file with its version-resource classes in scope (on Windows only:
    # its loader needs pywin32); stand-ins that keep their arguments check the same text here.
    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct"]
    names += ["VarFileInfo", "VarStruct"]
    scope = {name: _keeps_arguments(name) for name in names}
    kind, _, parts = eval(common.windows_version_info("1.4.2"), scope)
    assert kind == "VSVersionInfo"
    fixed = parts["ffi"][2]
    assert fixed["filevers"] == fixed["prodvers"] == (1, 4, 2, 0)
    strings = parts["kids"][0][1][0][0][1][1]  # StringFileInfo -> StringTable -> StringStructs
    assert ("StringStruct", ("ProductVersion", "1.4.2"), {}) in strings
    assert ("StringStruct", ("OriginalFilename", "liveplanner.exe"), {}) in strings


def test_the_macos_bundle_says_its_version_and_languages(common: ModuleType) -> None:
    plist = common.macos_info_plist("1.4.2")
    assert plist["CFBundleShortVersionString"] == plist["CFBundleVersion"] == "1.4.2"
    assert plist["CFBundleLocalizations"] == ["en", "zh_CN"]


def test_every_icon_file_the_specs_name_is_there(common: ModuleType) -> None:
    for name in ("liveplanner.svg", "liveplanner.ico", "liveplanner.icns", "liveplanner-256.png"):
        assert (common.ICON_DIR / name).stat().st_size > 0, name
    for spec in PACKAGING.glob("liveplanner-*.spec"):
        ast.parse(spec.read_text(encoding="utf-8"))  # a spec is Python run by PyInstaller


# The frozen app's streams (packaging/launcher.py).


@pytest.fixture
def launcher(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> ModuleType:
    monkeypatch.setenv("LIVEPLANNER_DATA_DIR", str(tmp_path))
    enabled: list[object] = []
    monkeypatch.setattr("faulthandler.enable", lambda file: enabled.append(file))
    module = load("launcher")
    module.faulthandler_enabled = enabled
    return module


def test_a_windowed_apps_missing_streams_write_to_the_log(
    launcher: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    log = launcher.give_missing_streams_a_file()
    try:
        assert sys.stdout is log and sys.stderr is log
        print("liveplanner window ready: 1 shows")
        print("注意: a warning", file=sys.stderr)
        assert launcher.faulthandler_enabled == [log]  # a crash inside Qt lands there too
    finally:
        log.close()
    text = (tmp_path / "logs" / "liveplanner.log").read_text(encoding="utf-8")
    assert text.startswith("--- ")
    assert text.endswith("liveplanner window ready: 1 shows\n注意: a warning\n")


def test_the_log_goes_where_the_apps_own_log_goes(launcher: ModuleType) -> None:
    from liveplanner.app import settings

    if not hasattr(settings, "log_dir"):
        pytest.skip("settings.log_dir() is not there yet")
    assert launcher.log_folder() == settings.log_dir()


def test_streams_that_exist_are_left_alone(
    launcher: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    assert launcher.give_missing_streams_a_file() is None
    assert sys.stdout is out and sys.stderr is err
    assert not (tmp_path / "logs").exists()


def test_a_long_log_is_set_aside_at_the_next_start(launcher: ModuleType, tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    (folder / "liveplanner.log").write_bytes(b"x" * (launcher.LOG_LIMIT + 1))
    with launcher.open_log(folder) as log:
        log.write("new\n")
    assert (folder / "liveplanner.log.1").stat().st_size == launcher.LOG_LIMIT + 1
    assert (folder / "liveplanner.log").read_text(encoding="utf-8").endswith("new\n")


def test_a_log_that_cannot_be_written_goes_nowhere(launcher: ModuleType, tmp_path: Path) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder")
    with launcher.open_log(blocked / "logs") as log:
        assert log.name == os.devnull
        log.write("lost, without an error\n")


# The built bundle.


@pytest.mark.skipif(sys.platform != "linux", reason="the smoke test runs the Linux bundle")
@pytest.mark.skipif(not BUNDLE.exists(), reason="no built bundle: run packaging/build_linux.sh")
def test_the_built_bundle_passes_the_smoke_test() -> None:
    result = subprocess.run(
        ["bash", str(PACKAGING / "smoke_test.sh"), str(BUNDLE)],
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.rstrip().endswith(" 0 failed")


def test_the_constraints_pin_every_package_the_bundle_is_built_from() -> None:
    """Every requirement of liveplanner[package,postgres] (for this Python) has an exact version
    in packaging/constraints.txt, so build_linux.sh rebuilds a release from the same inputs."""
    import tomllib

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    wanted = [
        *project["dependencies"],
        *project["optional-dependencies"]["package"],
        *project["optional-dependencies"]["postgres"],
    ]
    pinned: dict[str, str] = {}
    for line in (PACKAGING / "constraints.txt").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"{line!r} is not pinned to one version"
            pinned[canonicalize_name(name)] = version
    for text in wanted:
        requirement = Requirement(text)
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{requirement.name} is not in packaging/constraints.txt"
        assert requirement.specifier.contains(pinned[name]), (
            f"{requirement.name}=={pinned[name]} is outside pyproject's {requirement.specifier}"
        )
    assert "-c packaging/constraints.txt" in (PACKAGING / "build_linux.sh").read_text("utf-8")
