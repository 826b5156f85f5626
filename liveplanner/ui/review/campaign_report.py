"""The campaign report: where the campaign stands against its target, its pace chart, its shows,
GMV by platform, its targets and its best and worst segment kinds and products, as a PDF (A4
landscape), drawn as the show's review report is (ui/review/report.py), or the same figures as
a spreadsheet (XLSX, through formats/workbook.py as the show's is). The window and `liveplanner
campaign ID --report FILE` both write it with write_campaign_report."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QMessageBox, QWidget

from liveplanner.core.campaign_figures import (
    CampaignFigures,
    CampaignShow,
    KindFigures,
    ProductSums,
    TargetProgress,
)
from liveplanner.formats.workbook import Sheet, write_workbook
from liveplanner.ui import labels
from liveplanner.ui.file_dialogs import FileKind, save_file
from liveplanner.ui.review import figures as shown
from liveplanner.ui.review.report import _removed_if_failed

CHART_SIZE = (1800, 600)
CHART_WIDTH = 1580


def chart_image(result: CampaignFigures) -> QImage:
    """The pace chart drawn offscreen at report size."""
    from liveplanner.ui.review.campaign_chart import PaceChart

    chart = PaceChart()
    chart.resize(*CHART_SIZE)
    chart.set_figures(result)
    chart.ensurePolished()
    image = chart.grab().toImage()
    chart.deleteLater()
    return image


def target_name(name: str) -> str:
    """A campaign target's name (a core.plan.Targets field) in the window's language."""
    names = {
        "gmv_fen": QCoreApplication.translate("CampaignReport", "GMV"),
        "viewers": QCoreApplication.translate("CampaignReport", "Viewers"),
        "conversion_bp": QCoreApplication.translate("CampaignReport", "Conversion"),
        "new_followers": QCoreApplication.translate("CampaignReport", "New followers"),
        "interaction_bp": QCoreApplication.translate("CampaignReport", "Interaction"),
        "uv_value_fen": QCoreApplication.translate("CampaignReport", "UV value"),
        "aov_fen": QCoreApplication.translate("CampaignReport", "Order value"),
        "gpm_fen": QCoreApplication.translate("CampaignReport", "GPM"),
        "roi_bp": QCoreApplication.translate("CampaignReport", "ROI"),
        "gross_profit_fen": QCoreApplication.translate("CampaignReport", "Gross profit"),
        "margin_bp": QCoreApplication.translate("CampaignReport", "Margin"),
        "net_gmv_fen": QCoreApplication.translate("CampaignReport", "Net GMV"),
        "avg_watch_s": QCoreApplication.translate("CampaignReport", "Average watch time (s)"),
        "max_ad_spend_fen": QCoreApplication.translate("CampaignReport", "Ad spend at most"),
        "max_refund_bp": QCoreApplication.translate("CampaignReport", "Refunds at most"),
    }
    return names.get(name, name)


def _target_value(name: str, value: float | None) -> str:
    if name.endswith("_fen"):
        return shown.yuan(value)
    if name == "roi_bp":  # GMV per yuan spent: 2.50, not 250%
        return shown.times(None if value is None else value / 10_000)
    if name.endswith("_bp"):
        return shown.NONE if value is None else f"{value / 100:.2f}%"
    return shown.count(value)


def _target_rows(targets: tuple[TargetProgress, ...]) -> str:
    rows = []
    for t in targets:
        state = (
            shown.NONE
            if t.met is None
            else QCoreApplication.translate("CampaignReport", "met")
            if t.met
            else QCoreApplication.translate("CampaignReport", "short by %1").replace(
                "%1", _target_value(t.name, t.short_by)
            )
        )
        rows.append(
            f"<tr><td>{html.escape(target_name(t.name))}</td>"
            f'<td align="right">{_target_value(t.name, t.target)}</td>'
            f'<td align="right">{_target_value(t.name, t.actual)}</td>'
            f"<td>{html.escape(state)}</td></tr>"
        )
    return "".join(rows)


def _grid(headers: list[tuple[str, str]], rows: list[list[str]]) -> str:
    head = "".join(f'<th align="{a}">{html.escape(h)}</th>' for h, a in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td align="{a}">{html.escape(c)}</td>' for c, (_, a) in zip(row, headers, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    return (
        '<table class="grid" cellspacing="0" cellpadding="3" width="100%">'
        f"<tr>{head}</tr>{body}</table>"
    )


def _heading(text: str) -> str:
    return f"<h2>{html.escape(text)}</h2>"


def campaign_html(result: CampaignFigures, chart_src: str | None) -> str:
    c, t = result.campaign, result.totals
    target = c.targets.gmv_fen

    def cell(caption: str, value: str) -> str:
        return (
            f'<td width="20%"><span class="meta">{html.escape(caption)}</span><br>'
            f'<span class="big">{html.escape(value)}</span></td>'
        )

    summary = [
        cell(QCoreApplication.translate("CampaignReport", "GMV so far"), shown.yuan(t.gmv_fen)),
        cell(QCoreApplication.translate("CampaignReport", "Target"), shown.yuan(target)),
        cell(
            QCoreApplication.translate("CampaignReport", "Still to reach"),
            shown.yuan(result.gap_fen),
        ),
        cell(
            QCoreApplication.translate("CampaignReport", "Shows to come"),
            shown.count(result.remaining_shows),
        ),
        cell(
            QCoreApplication.translate("CampaignReport", "Each needs"),
            shown.yuan(result.needed_per_show_fen),
        ),
        cell(QCoreApplication.translate("CampaignReport", "Orders"), shown.count(t.orders)),
        cell(QCoreApplication.translate("CampaignReport", "Viewers"), shown.count(t.viewers)),
        cell(QCoreApplication.translate("CampaignReport", "Ad spend"), shown.yuan(t.ad_spend_fen)),
        cell(QCoreApplication.translate("CampaignReport", "ROI"), shown.times(t.efficiency.roi)),
        cell(
            QCoreApplication.translate("CampaignReport", "UV value"),
            shown.yuan_cents(t.efficiency.uv_value_fen),
        ),
    ]
    summary_rows = "".join(f"<tr>{''.join(summary[i : i + 5])}</tr>" for i in range(0, 10, 5))
    left, right, numbers = "left", "right", "right"
    sections = [
        f"<h1>{html.escape(c.title)}</h1>",
        f'<p class="meta">{c.starts_on.isoformat()} – {c.ends_on.isoformat()} · '
        + html.escape(
            QCoreApplication.translate("CampaignReport", "1 show; the target is all its own.")
            if t.shows == 1
            else QCoreApplication.translate(
                "CampaignReport", "%1 shows; the target is spread evenly over them."
            ).replace("%1", str(t.shows))
        )
        + "</p>",
        f'<table class="summary" cellspacing="0" cellpadding="4" width="100%">{summary_rows}'
        "</table>",
    ]
    if chart_src is not None:
        sections.append(f'<p><img src="{chart_src}" width="{CHART_WIDTH}"></p>')
    sections += [
        _heading(QCoreApplication.translate("CampaignReport", "What earned")),
        best_and_worst_html(result),
        '<h2 style="page-break-before: always">'
        + html.escape(QCoreApplication.translate("CampaignReport", "Shows"))
        + "</h2>",
        _grid(
            [
                (QCoreApplication.translate("CampaignReport", "Start"), left),
                (QCoreApplication.translate("CampaignReport", "Platform"), left),
                (QCoreApplication.translate("CampaignReport", "Title"), left),
                ("GMV", numbers),
                (QCoreApplication.translate("CampaignReport", "State"), left),
            ],
            [
                [
                    f"{s.planned_start:%Y-%m-%d %H:%M}",
                    labels.platform(s.platform),
                    s.title,
                    shown.yuan(s.sums.gmv_fen),
                    state_text(result, s),
                ]
                for s in result.shows
            ],
        ),
        _heading(QCoreApplication.translate("CampaignReport", "By platform")),
        _grid(
            [
                (QCoreApplication.translate("CampaignReport", "Platform"), left),
                (QCoreApplication.translate("CampaignReport", "Shows"), right),
                ("GMV", numbers),
            ],
            [
                [labels.platform(p.platform), str(p.shows), shown.yuan(p.gmv_fen)]
                for p in result.by_platform
            ],
        ),
    ]
    sections += [
        _heading(QCoreApplication.translate("CampaignReport", "By segment kind")),
        _grid(
            [
                (QCoreApplication.translate("CampaignReport", "Segment kind"), left),
                (QCoreApplication.translate("CampaignReport", "Segments"), right),
                ("GMV", numbers),
                (QCoreApplication.translate("CampaignReport", "GMV / min"), numbers),
            ],
            [
                [
                    labels.segment_kind(k.kind),
                    str(k.segments),
                    shown.yuan(k.gmv_fen),
                    shown.yuan(k.gmv_per_min_fen),
                ]
                for k in result.by_kind
            ],
        ),
    ]
    if result.products:
        sections += [
            _heading(QCoreApplication.translate("CampaignReport", "By product")),
            _grid(
                [
                    (QCoreApplication.translate("CampaignReport", "Product"), left),
                    (QCoreApplication.translate("CampaignReport", "Shows"), right),
                    (QCoreApplication.translate("CampaignReport", "Sold"), numbers),
                    ("GMV", numbers),
                ],
                [
                    [p.name or p.link, str(p.shows), shown.count(p.sold), shown.yuan(p.gmv_fen)]
                    for p in result.products
                ],
            ),
        ]
    if result.targets:
        sections += [
            _heading(QCoreApplication.translate("CampaignReport", "Targets")),
            '<table class="grid" cellspacing="0" cellpadding="3" width="100%"><tr>'
            + "".join(
                f'<th align="{align}">{html.escape(text)}</th>'
                for text, align in (
                    (QCoreApplication.translate("CampaignReport", "Target"), "left"),
                    (QCoreApplication.translate("CampaignReport", "Aim"), "right"),
                    (QCoreApplication.translate("CampaignReport", "Result"), "right"),
                    (QCoreApplication.translate("CampaignReport", "Against target"), "left"),
                )
            )
            + "</tr>"
            f"{_target_rows(result.targets)}</table>",
        ]
    style = (
        "body { font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif;"
        " font-size: 9pt; color: #1d1f22; }"
        "h1 { font-size: 18pt; margin-bottom: 2px; } h2 { font-size: 12pt; margin-top: 14px; }"
        ".meta { color: #555; }"
        "table.grid { border-collapse: collapse; } table.grid th { background: #e9edf2;"
        " border-bottom: 1px solid #9aa3ad; }"
        " table.grid td { border-bottom: 1px solid #dde1e6; }"
        "table.summary td { border-left: 3px solid #d9822b; padding-left: 6px; }"
        ".big { font-size: 14pt; font-weight: bold; }"
    )
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(c.title)}'
        f"</title><style>{style}</style></head><body>{''.join(sections)}</body></html>"
    )


def write_campaign_pdf(path: Path, result: CampaignFigures) -> None:
    from PySide6.QtCore import QBuffer, QIODevice

    document = QTextDocument()
    document.addResource(
        QTextDocument.ResourceType.ImageResource, QUrl("chart.png"), chart_image(result)
    )
    document.setHtml(campaign_html(result, "chart.png"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(result.campaign.title)
    writer.setCreator("liveplanner")
    writer.setResolution(150)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(page.width(), page.height()))
    document.print_(writer)
    del writer  # finishes the PDF before the buffer is read
    partial = path.with_name(path.name + ".partial")
    with _removed_if_failed(partial):
        partial.write_bytes(bytes(buffer.data().data()))
        partial.replace(path)


def _yuan(fen: float | None) -> float | None:
    """Money in the spreadsheet: yuan to the fen, empty where there is no figure."""
    return None if fen is None else round(fen / 100, 2)


def _target_cell(name: str, value: float | None) -> float | None:
    if value is None:
        return None
    if name.endswith("_fen"):
        return _yuan(value)
    if name.endswith("_bp"):  # ROI as GMV per yuan spent, rates as fractions
        return round(value / 10_000, 4)
    return round(value)


def state_text(result: CampaignFigures, show: CampaignShow) -> str:
    """Reported, to come or without figures; and a show planned outside the campaign's dates
    (counted all the same) says so. The page's Shows tab and the reports say it alike."""
    words = {
        "reported": QCoreApplication.translate("CampaignDialog", "reported"),
        "to_come": QCoreApplication.translate("CampaignDialog", "to come"),
        "no_figures": QCoreApplication.translate(
            "CampaignDialog", "no figures: date passed, no metrics imported"
        ),
    }
    text = words[result.state(show)]
    if not result.campaign.runs_on(show.day):
        text += " · " + QCoreApplication.translate("CampaignDialog", "outside the campaign's dates")
    return text


def write_campaign_xlsx(path: Path, result: CampaignFigures) -> None:
    """The report's figures as a workbook: money in yuan, rates as fractions, empty cells where
    a figure has no input (never 0)."""
    c, t = result.campaign, result.totals

    money = "#,##0.00"
    summary = [
        [QCoreApplication.translate("CampaignReport", "Title"), c.title],
        [
            QCoreApplication.translate("CampaignReport", "Dates"),
            f"{c.starts_on.isoformat()} – {c.ends_on.isoformat()}",
        ],
        [QCoreApplication.translate("CampaignReport", "GMV so far"), _yuan(t.gmv_fen)],
        [QCoreApplication.translate("CampaignReport", "Target"), _yuan(c.targets.gmv_fen)],
        [QCoreApplication.translate("CampaignReport", "Still to reach"), _yuan(result.gap_fen)],
        [QCoreApplication.translate("CampaignReport", "Shows to come"), result.remaining_shows],
        [
            QCoreApplication.translate("CampaignReport", "Shows without figures"),
            len(result.without_figures),
        ],
        [
            QCoreApplication.translate("CampaignReport", "Each needs"),
            _yuan(result.needed_per_show_fen),
        ],
        [QCoreApplication.translate("CampaignReport", "Orders"), t.orders],
        [QCoreApplication.translate("CampaignReport", "Viewers"), t.viewers],
        [QCoreApplication.translate("CampaignReport", "Ad spend"), _yuan(t.ad_spend_fen)],
        [
            QCoreApplication.translate("CampaignReport", "ROI"),
            None if t.efficiency.roi is None else round(t.efficiency.roi, 2),
        ],
        [
            QCoreApplication.translate("CampaignReport", "UV value"),
            _yuan(t.efficiency.uv_value_fen),
        ],
    ]
    write_workbook(
        path,
        [
            Sheet(
                QCoreApplication.translate("CampaignReport", "Summary"),
                [
                    QCoreApplication.translate("CampaignReport", "Figure"),
                    QCoreApplication.translate("CampaignReport", "Value"),
                ],
                summary,
                preface=[c.title],
            ),
            Sheet(
                QCoreApplication.translate("CampaignReport", "Shows"),
                [
                    QCoreApplication.translate("CampaignReport", "Start"),
                    QCoreApplication.translate("CampaignReport", "Platform"),
                    QCoreApplication.translate("CampaignReport", "Title"),
                    "GMV",
                    QCoreApplication.translate("CampaignReport", "State"),
                ],
                [
                    [
                        f"{s.planned_start:%Y-%m-%d %H:%M}",
                        labels.platform(s.platform),
                        s.title,
                        _yuan(s.sums.gmv_fen),
                        state_text(result, s),
                    ]
                    for s in result.shows
                ],
                {3: money},
            ),
            Sheet(
                QCoreApplication.translate("CampaignReport", "Pace"),
                [
                    QCoreApplication.translate("CampaignReport", "Date"),
                    "GMV",
                    QCoreApplication.translate("CampaignReport", "So far"),
                    QCoreApplication.translate("CampaignReport", "Target so far"),
                ],
                [
                    [
                        d.day.isoformat(),
                        _yuan(d.gmv_fen),
                        _yuan(d.cumulative_fen),
                        _yuan(d.target_cumulative_fen),
                    ]
                    for d in result.pace
                ],
                {1: money, 2: money, 3: money},
            ),
            Sheet(
                QCoreApplication.translate("CampaignReport", "By platform"),
                [
                    QCoreApplication.translate("CampaignReport", "Platform"),
                    QCoreApplication.translate("CampaignReport", "Shows"),
                    "GMV",
                ],
                [
                    [labels.platform(p.platform), p.shows, _yuan(p.gmv_fen)]
                    for p in result.by_platform
                ],
                {2: money},
            ),
            Sheet(
                QCoreApplication.translate("CampaignReport", "By segment kind"),
                [
                    QCoreApplication.translate("CampaignReport", "Segment kind"),
                    QCoreApplication.translate("CampaignReport", "Segments"),
                    "GMV",
                    QCoreApplication.translate("CampaignReport", "GMV / min"),
                ],
                [
                    [
                        labels.segment_kind(k.kind),
                        k.segments,
                        _yuan(k.gmv_fen),
                        _yuan(k.gmv_per_min_fen),
                    ]
                    for k in result.by_kind
                ],
                {2: money, 3: money},
            ),
            Sheet(
                QCoreApplication.translate("CampaignReport", "By product"),
                [
                    QCoreApplication.translate("CampaignReport", "Product"),
                    QCoreApplication.translate("CampaignReport", "Shows"),
                    QCoreApplication.translate("CampaignReport", "Sold"),
                    "GMV",
                ],
                [[p.name or p.link, p.shows, p.sold, _yuan(p.gmv_fen)] for p in result.products],
                {3: money},
            ),
            Sheet(
                QCoreApplication.translate("CampaignReport", "Targets"),
                [
                    QCoreApplication.translate("CampaignReport", "Target"),
                    QCoreApplication.translate("CampaignReport", "Aim"),
                    QCoreApplication.translate("CampaignReport", "Result"),
                    QCoreApplication.translate("CampaignReport", "Against target"),
                ],
                [
                    [
                        target_name(p.name),
                        _target_cell(p.name, p.target),
                        _target_cell(p.name, p.actual),
                        None
                        if p.met is None
                        else QCoreApplication.translate("CampaignReport", "met")
                        if p.met
                        else QCoreApplication.translate("CampaignReport", "not met"),
                    ]
                    for p in result.targets
                ],
            ),
        ],
    )


REPORT_WRITERS = {".pdf": write_campaign_pdf, ".xlsx": write_campaign_xlsx}


def write_campaign_report(path: Path, result: CampaignFigures) -> None:
    """The campaign report in the format the file name asks for (.pdf or .xlsx)."""
    suffix = path.suffix.lower()
    if suffix not in REPORT_WRITERS:
        raise ValueError(f"{path.name}: a campaign report is written as .pdf or .xlsx")
    REPORT_WRITERS[suffix](path, result)


def export_campaign_report(result: CampaignFigures, parent: QWidget) -> Path | None:
    """Ask where, then write the campaign's PDF report; the written path, or None."""
    path, _ = save_file(
        parent,
        FileKind.REPORT,
        QCoreApplication.translate("CampaignReport", "Export campaign report"),
        f"{result.campaign.title}.pdf".replace("/", "-"),
        QCoreApplication.translate("CampaignReport", "PDF report (*.pdf);;Spreadsheet (*.xlsx)"),
    )
    if path is None:
        return None
    if path.suffix.lower() not in REPORT_WRITERS:
        path = path.with_suffix(".pdf")
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        write_campaign_report(path, result)
    except OSError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("CampaignReport", "Not done"),
            QCoreApplication.translate("CampaignReport", "Could not write %1: %2")
            .replace("%1", str(path))
            .replace("%2", exc.strerror or str(exc)),
        )
        return None
    finally:
        QGuiApplication.restoreOverrideCursor()
    return path


def best_and_worst_html(result: CampaignFigures) -> str:
    """The best and worst segment kinds (GMV per minute) and products (GMV) across the campaign,
    as rich text; "—" where the shows have no such figures."""

    def kind(k: KindFigures | None) -> str:
        if k is None:
            return shown.NONE
        rate = QCoreApplication.translate("CampaignDialog", "%1 per minute").replace(
            "%1", shown.yuan(k.gmv_per_min_fen)
        )
        return f"{labels.segment_kind(k.kind)} · {rate}"

    def product(p: ProductSums | None) -> str:
        return shown.NONE if p is None else f"{p.name or p.link} · {shown.yuan(p.gmv_fen)}"

    return best_and_worst_table(
        [
            (
                QCoreApplication.translate("CampaignDialog", "Best segment kind"),
                kind(result.best_kind),
            ),
            (
                QCoreApplication.translate("CampaignDialog", "Worst segment kind"),
                kind(result.worst_kind),
            ),
            (
                QCoreApplication.translate("CampaignDialog", "Best product"),
                product(result.best_product),
            ),
            (
                QCoreApplication.translate("CampaignDialog", "Worst product"),
                product(result.worst_product),
            ),
        ]
    )


def best_and_worst_table(rows: Sequence[tuple[str, str]]) -> str:
    cells = "".join(
        f"<tr><td style='color:#555'>{html.escape(a)}</td><td><b>{html.escape(b)}</b></td></tr>"
        for a, b in rows
    )
    return f"<table cellpadding='4'>{cells}</table>"
