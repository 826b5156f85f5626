"""What the host's timer window shows on each tick: the countdown and its colour, the show's
over/under, what to say, the cues due within a minute and the product on sale."""

from zoneinfo import ZoneInfo

from liveplanner.core.clock import Phase, Reading
from liveplanner.core.enums import Role
from liveplanner.core.live_desk import DeskView
from liveplanner.core.money import format_yuan
from liveplanner.core.row_offer import row_offer
from liveplanner.core.schedule import format_duration
from liveplanner.ui import labels
from liveplanner.ui.desk.desk_texts import item_text, tick_text
from liveplanner.ui.rehearsal.presenter import PAUSED_STYLE, countdown_text, level_style, restyle

IDLE_REFRESH_MS = 1000  # paused or idle: only the show's over/under moves, once a second
CUE_HORIZON_S = 60  # cues due within a minute are shown
READY_STYLE = "background: #2c7be5; color: white; font-weight: bold;"
LONG_COLOUR, SHORT_COLOUR = "#c0392b", "#2c7be5"
MOVE_ON_STYLE = "background: #c0392b; color: white; font-weight: bold;"
HOST_TICKS = 3  # the desk's last ticks the host's window lists


def next_change_ms(reading: Reading) -> int:
    """Milliseconds until the countdown's text next changes (it shows whole seconds)."""
    if reading.phase not in (Phase.RUNNING, Phase.OVERTIME):
        return IDLE_REFRESH_MS
    fraction = reading.remaining_s % 1.0  # the same formula counts down and, past zero, up
    return max(1, int(fraction * 1000) + 1)


def signed(seconds: float) -> str:
    whole = round(seconds)
    return ("+" if whole > 0 else "−" if whole < 0 else "±") + format_duration(abs(whole))


class HostDisplay:
    """HostView's display, refreshed from the run controller's reading (the widgets are
    HostView's)."""

    def refresh(self) -> None:
        reading = self.controller.timer.read()
        try:
            reading = self.controller.read()
            self._show(reading)
            if self.presenter is not None and self.presenter.isVisible():
                self.presenter.show_reading(reading, self.plan)
        finally:
            # Whatever happened above, the clock keeps going on screen.
            if reading.phase is not Phase.FINISHED:
                self.ticker.start(next_change_ms(reading))

    def _show(self, reading: Reading) -> None:
        plan = self.plan
        finished = reading.phase is Phase.FINISHED
        self.countdown.setText(countdown_text(reading))
        restyle(self.countdown, level_style(reading.level, reading.phase))
        self.progress.setValue(int(reading.progress * 1000))
        whole = round(reading.over_under_s)
        self.over_label.setText(self.tr("over/under %1").replace("%1", signed(whole)))
        colour = LONG_COLOUR if whole > 0 else SHORT_COLOUR if whole < 0 else "palette(text)"
        restyle(self.over_label, f"color: {colour}; font-weight: bold;")
        end = (
            reading.projected_end.astimezone(plan.show.planned_start.tzinfo).strftime("%H:%M")
            if reading.projected_end
            else "—"
        )
        self.show_label.setText(plan.show.title)
        self.end_label.setText(self.tr("ends about %1").replace("%1", end))
        running = reading.phase not in (Phase.IDLE, Phase.FINISHED)
        self.note.setEnabled(running)  # the log takes notes once the run exists
        self.note_action.setEnabled(running)
        view = self.desk.desk.view(Role.HOST) if self.desk is not None else None
        self.ticks.setText(self._ticks(view) or self.tr("none yet"))
        banner = {
            Phase.IDLE: (self.tr("READY · Space starts the run"), READY_STYLE),
            Phase.PAUSED: (self.tr("PAUSED · Space resumes"), PAUSED_STYLE),
        }.get(reading.phase)
        if banner is None and view is not None and view.move_on and not finished:
            banner = (self.tr("Sold out — move on"), MOVE_ON_STYLE)
        self.state_banner.setVisible(banner is not None)
        if banner is not None:
            self.state_banner.setText(banner[0])
            restyle(self.state_banner, banner[1])
        if finished:
            self.title_label.setText(self.tr("The run is over"))
            self.kind_label.setText("")
            self.points.setText("")
            self.next_label.setText("")
            self.cues.setText("")
            self.product.setText("")
            return
        segment = plan.segments[reading.index]
        self.title_label.setText(f"{reading.index + 1}. {segment.title}")
        self.kind_label.setText(labels.segment_kind(segment.kind))
        self.points.setText(
            segment.talking_points.replace("\n", "\n• ").join(("• ", ""))
            if segment.talking_points
            else ""
        )
        following = (
            plan.segments[reading.index + 1] if reading.index + 1 < len(plan.segments) else None
        )
        self.next_label.setText(
            f"{following.title} ({format_duration(following.duration_s)})"
            if following
            else self.tr("the end of the show")
        )
        self.cues.setText(self._cues(reading) or self.tr("none in the next minute"))
        self.product.setText(self._product(reading))

    def _ticks(self, view: DeskView | None) -> str:
        """The desk's last ticks, newest first: when, who, what."""
        if view is None:
            return ""
        zone = ZoneInfo(self.plan.show.time_zone)
        texts = {i.key: i for i in self.desk.desk.items}
        return "\n".join(
            tick_text(t, item_text(texts[t.key]) if t.key in texts else t.key, zone)
            for t in view.recent[:HOST_TICKS]
        )

    def _cues(self, reading: Reading) -> str:
        segment = self.plan.segments[reading.index]
        names = {p.id: p.name for p in self.plan.people}
        lines = []
        for duty in sorted(
            (d for d in self.plan.duties if d.segment_id == segment.id), key=lambda d: d.offset_s
        ):
            due = duty.offset_s - reading.elapsed_s
            if -5 <= due <= CUE_HORIZON_S:
                who = names.get(duty.person_id) or (labels.role(duty.role) if duty.role else "")
                when = (
                    self.tr("now")
                    if due <= 0
                    else self.tr("in %1").replace("%1", format_duration(round(due)))
                )
                lines.append(f"{labels.named(who, duty.cue)} — {when}")
        return "\n".join(lines)

    def _product(self, reading: Reading) -> str:
        plan = self.plan
        segment = plan.segments[reading.index]
        lines = []
        product = plan.product(segment.product_id)
        if product is not None:
            # On a flash-sale row the host calls out the sale's price and units, not the shelf's.
            offer = row_offer(plan, segment)
            price = format_yuan(offer.price_fen) if offer.price_fen is not None else "—"
            units = str(offer.units) if offer.units is not None else "—"
            line = (
                self.tr("%1: flash sale ¥%2, %3 units")
                if offer.flash
                else self.tr("%1: ¥%2, stock %3")
            )
            lines.append(line.replace("%1", product.name).replace("%2", price).replace("%3", units))
        for release in plan.releases:
            if release.segment_id == segment.id and (promo := plan.promo(release.promo_id)):
                lines.append(
                    self.tr("%1 ×%2 at %3")
                    .replace("%1", promo.name)
                    .replace("%2", str(release.quantity))
                    .replace("%3", format_duration(release.offset_s))
                )
        return "\n".join(lines) or self.tr("no product or promo in this segment")
