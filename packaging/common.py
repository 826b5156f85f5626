"""What the three PyInstaller specs share: what goes into the bundle, and the app's version.

The spec files (liveplanner-linux.spec, -windows.spec, -macos.spec) put this folder on sys.path
and take their Analysis options from analysis_options(). The list of liveplanner's own data files
(package_data) needs no PyInstaller, so tests/test_packaging.py checks it without a build.

liveplanner finds its files through importlib.resources or next to its modules (translations,
the show-file schema, the Alembic migrations); PyInstaller keeps that working when each file sits
at the same place under the bundle's folder as in the installed package, which is where
package_data puts it. Alembic reads the migration scripts as source files at run time, so they go
in as data: compiled into the archive they would not be found.
"""

import importlib.util
import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

PACKAGING = Path(__file__).resolve().parent
REPO = PACKAGING.parent
ICON_DIR = PACKAGING / "icon"
LAUNCHER = PACKAGING / "launcher.py"
APP_NAME = "liveplanner"
BUNDLE_ID = "org.liveplanner.liveplanner"
DESCRIPTION = "Plan, rehearse, run and review live-stream shopping shows"
COPYRIGHT = "liveplanner's authors, MIT licence"

# In the package's files (pyproject's package-data) but not needed by the app when it runs:
# the English translation's source (the window loads the .qm files; the command line reads the
# Chinese .ts, app/translations.py, and English needs none) and Alembic's template for new
# migrations.
NOT_AT_RUN_TIME = ("liveplanner_en.ts", "*.mako")

# Imported by name at run time, where PyInstaller cannot follow the import statement.
HIDDEN_IMPORTS = [
    # Alembic: the migration scripts are read from disk (see above) and import these.
    "alembic",
    "alembic.op",
    "alembic.context",
    "alembic.runtime.migration",
    "alembic.ddl.sqlite",
    "alembic.ddl.postgresql",
    "liveplanner.storage.models",  # what the migrations' env.py imports
    # SQLAlchemy loads a URL's dialect and driver by name.
    "sqlalchemy.dialects.sqlite",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql",
    "sqlalchemy.dialects.postgresql.psycopg",
    "psycopg",
    "psycopg_binary",  # psycopg's compiled speed-ups and its own libpq
    # pandas reads and writes spreadsheets through engines it imports by name.
    "pandas.io.excel._openpyxl",
    "openpyxl",
    "openpyxl.cell._writer",
    # The review view and the report (imported when first opened).
    "pyqtgraph",
    # keyring picks a backend through entry points (its hook copies the metadata they need).
    "keyring.backends",
    # zoneinfo falls back to the tzdata package where the system has no database (Windows).
    "tzdata",
]
# Collected with every submodule, for the same reason.
HIDDEN_PACKAGES = ["liveplanner", "keyring.backends", "tzdata.zoneinfo"]

# Not used by liveplanner, but pulled in by optional imports of the packages it uses.
EXCLUDES = [
    "tkinter",
    "_tkinter",
    "turtle",
    "idlelib",
    "lib2to3",
    # Qt: liveplanner imports QtCore, QtGui, QtWidgets and QtPrintSupport; pyqtgraph adds QtSvg,
    # QtOpenGL and QtOpenGLWidgets (its curves import them, even when drawn without OpenGL),
    # and tries QtTest (left out: it copes without it).
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest",
    "PySide6.QtTest",
    "PySide6.QtDBus",
    "PySide6.QtSql",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtSvgWidgets",
    "PyQt5",
    "PyQt6",
    "PySide2",
    # pyqtgraph's 3D, notebook and example parts.
    "pyqtgraph.opengl",
    "pyqtgraph.jupyter",
    "pyqtgraph.examples",
    "OpenGL",
    # Optional accelerators and plotting of pandas and numpy, and build-only tools.
    "matplotlib",
    "scipy",
    "pyarrow",
    "numba",
    "numexpr",
    "bottleneck",
    "IPython",
    "jinja2",
    "PIL",
    "PyInstaller",
    "pytest",
    "hypothesis",
]
# Left out above although the code imports them, each inside a try that copes without it.
OPTIONAL = {"PySide6.QtTest"}  # pyqtgraph: only for its own tests' qWait


# Qt's own translations (file dialogs, standard buttons) in the languages liveplanner speaks;
# the others would give a German system German buttons in an English window.
QT_LANGUAGES = ("zh", "en")
_QT_TRANSLATION = re.compile(r"^PySide6/(?:Qt/)?translations/(\w+?)_([a-z]{2}(?:_\w+)?)\.qm$")


def wanted(destination: str) -> bool:
    """Whether a file PyInstaller's hooks collected belongs in the bundle (see QT_LANGUAGES)."""
    match = _QT_TRANSLATION.match(destination.replace("\\", "/"))
    if match is None:
        return True
    catalog, language = match.groups()
    return catalog in ("qt", "qtbase") and language.startswith(QT_LANGUAGES)


def trim(datas: list) -> list:
    """Analysis.datas less what wanted() leaves out; the specs apply it after Analysis."""
    return [entry for entry in datas if wanted(entry[0])]


def package_dir() -> Path:
    """The liveplanner package that will be bundled: the one this Python imports."""
    spec = importlib.util.find_spec(APP_NAME)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("liveplanner is not installed in this Python: pip install .[package]")
    return Path(next(iter(spec.submodule_search_locations)))


def _package_data_patterns() -> dict[str, list[str]]:
    """pyproject.toml's [tool.setuptools.package-data]: the wheel and the bundle ship the same."""
    with (REPO / "pyproject.toml").open("rb") as file:
        project = tomllib.load(file)
    return project["tool"]["setuptools"]["package-data"]


def package_data() -> list[tuple[str, str]]:
    """liveplanner's data files as PyInstaller's (source file, folder in the bundle) pairs.

    Each lands at the path it has inside the package, so importlib.resources and the paths
    computed from __file__ find it in the bundle as in an installed copy.
    """
    root = package_dir()
    found: list[tuple[str, str]] = []
    for package, patterns in _package_data_patterns().items():
        folder = root.joinpath(*package.split(".")[1:])
        for pattern in patterns:
            for path in sorted(folder.glob(pattern)):
                if not path.is_file() or any(fnmatch(path.name, n) for n in NOT_AT_RUN_TIME):
                    continue
                target = Path(APP_NAME, path.parent.relative_to(root))
                found.append((str(path), target.as_posix()))
    return sorted(set(found))


def version() -> str:
    """liveplanner.__version__, read from the package's source without importing it."""
    text = (package_dir() / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r"^__version__\s*=\s*['\"]([^'\"]+)['\"]", text, re.MULTILINE)
    if match is None:
        raise SystemExit("liveplanner/__init__.py has no __version__")
    return match.group(1)


def version_numbers(text: str) -> tuple[int, int, int, int]:
    """Four numbers for Windows' version resource: '1.2.3rc1' -> (1, 2, 3, 0)."""
    numbers = [int(n) for n in re.findall(r"\d+", text.split("+")[0])[:3]]
    numbers += [0] * (4 - len(numbers))
    return numbers[0], numbers[1], numbers[2], numbers[3]


def windows_version_info(text: str) -> str:
    """A version resource for the .exe files, in PyInstaller's version-file format."""
    numbers = version_numbers(text)
    strings = {
        "CompanyName": "liveplanner",
        "FileDescription": DESCRIPTION,
        "FileVersion": text,
        "InternalName": APP_NAME,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{APP_NAME}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": text,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# Written by packaging/common.py from liveplanner.__version__; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
{table}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0409, 1200])])
  ]
)
"""


def write_windows_version_info(folder: str | Path) -> str:
    """Write the version resource into the build folder; its path, for EXE(version=...)."""
    path = Path(folder) / "version_info.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(windows_version_info(version()), encoding="utf-8")
    return str(path)


def macos_info_plist(text: str) -> dict[str, Any]:
    """Info.plist entries the .app needs beyond what PyInstaller writes."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleShortVersionString": text,
        "CFBundleVersion": text,
        "CFBundleDevelopmentRegion": "en",
        # The languages liveplanner ships; macOS then names the app menu's items in them.
        "CFBundleLocalizations": ["en", "zh_CN"],
        "LSApplicationCategoryType": "public.app-category.productivity",
        "LSMinimumSystemVersion": "12.0",  # what Qt 6.6 and later run on
        "NSHighResolutionCapable": True,
        "NSHumanReadableCopyright": COPYRIGHT,
        "NSRequiresAquaSystemAppearance": False,  # follow the system's dark mode
    }


def analysis_options() -> dict[str, Any]:
    """Keyword arguments for the specs' Analysis(...). Needs PyInstaller (run from a spec)."""
    from PyInstaller.utils.hooks import collect_submodules

    hidden = list(HIDDEN_IMPORTS)
    for package in HIDDEN_PACKAGES:
        if importlib.util.find_spec(package.split(".")[0]) is not None:
            hidden += collect_submodules(package)
    return {
        "scripts": [str(LAUNCHER)],
        "pathex": [],
        "binaries": [],
        "datas": package_data(),
        "hiddenimports": sorted(set(hidden)),
        "hookspath": [],
        "hooksconfig": {},
        "runtime_hooks": [],
        "excludes": EXCLUDES,
        "noarchive": False,
        "optimize": 0,  # -OO would strip the docstrings pandas builds its own from
    }
