"""Findings in the window's language: the catalogue's words (app/messages/findings) through Qt."""

from liveplanner.app.messages import findings
from liveplanner.core.rules import Finding
from liveplanner.ui.words import qt_translate


def segment_names(positions: list[int], titles: list[str]) -> str:
    """Segments as a finding names them (titled when few, numbered when many)."""
    return findings.segment_names(positions, titles, qt_translate)


def segments_in_full(finding: Finding) -> str:
    """Every segment a grouped finding is about, one per line with its title (for a tooltip)."""
    positions = finding.params.get("positions", [])
    titles = finding.params.get("titles", [])
    if not isinstance(positions, list) or not isinstance(titles, list):
        return ""
    return "\n".join(
        findings.titled(p, t, qt_translate) for p, t in zip(positions, titles, strict=True)
    )


def describe(finding: Finding) -> str:
    """The finding in the window's language."""
    return findings.finding_words(finding, qt_translate)
