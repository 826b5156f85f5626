"""A show's thresholds for the live feed's alerts (core.live_alerts), and their bounds: the one
place that says what each may be, for the dialog, the command line, storage and show files."""

from dataclasses import dataclass

from liveplanner.core.refused import Refused


@dataclass(frozen=True, slots=True)
class AlertSettings:
    """A show's thresholds; a share of 0 turns its alert off."""

    viewers_drop_bp: int = 2_000  # 20 %
    viewers_window_min: int = 5
    pace_behind_bp: int = 1_500  # 15 %
    sold_out: bool = True


# What each setting may be: (least, most).
SETTING_BOUNDS = {
    "viewers_drop_bp": (0, 10_000),
    "viewers_window_min": (1, 60),
    "pace_behind_bp": (0, 10_000),
}


def checked(settings: AlertSettings) -> AlertSettings:
    """The settings, or Refused naming the first out of its bounds."""
    for name, (least, most) in SETTING_BOUNDS.items():
        value = getattr(settings, name)
        if not least <= value <= most:
            raise Refused(
                f"{name} must be from {least} to {most}, not {value}",
                "feed.alert_setting",
                name=name,
                value=value,
                least=least,
                most=most,
            )
    return settings
