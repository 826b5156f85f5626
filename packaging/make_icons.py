"""Render packaging/icon/liveplanner.svg into the icon files the installers need.

Writes, beside the SVG: liveplanner-256.png and liveplanner-512.png (Linux, the window),
liveplanner.ico (Windows: 16 to 256 px in one file) and liveplanner.icns (macOS: 16 to 1024 px).
Each size is drawn from the SVG at that size, not scaled down from a big picture, so the small
ones stay sharp. Needs PySide6 (QtSvg draws the SVG) and Pillow (writes .ico and .icns): both are
in `pip install .[package]`. Run it after changing the SVG, and commit what it writes:

    python packaging/make_icons.py
"""

import io
import os
import sys
from pathlib import Path

ICON_DIR = Path(__file__).resolve().parent / "icon"
SVG = ICON_DIR / "liveplanner.svg"
PNG_SIZES = (256, 512)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)  # what Windows asks for, at 100% to 200%
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)  # Pillow makes the @2x entries from these


def render(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent square of `size` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not an SVG that Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed to draw
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (kept alive while drawing)
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_SIZES})
    images = {size: Image.open(io.BytesIO(render(SVG, size))).convert("RGBA") for size in sizes}

    written = []
    for size in PNG_SIZES:
        path = ICON_DIR / f"liveplanner-{size}.png"
        images[size].save(path, optimize=True)
        written.append(path)

    ico = ICON_DIR / "liveplanner.ico"
    largest = images[ICO_SIZES[-1]]
    largest.save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES[:-1]],
    )
    written.append(ico)

    icns = ICON_DIR / "liveplanner.icns"
    images[ICNS_SIZES[-1]].save(
        icns, format="ICNS", append_images=[images[s] for s in ICNS_SIZES[:-1]]
    )
    written.append(icns)

    for path in written:
        print(f"wrote {path.relative_to(ICON_DIR.parent.parent)} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
