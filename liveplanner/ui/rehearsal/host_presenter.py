"""The presenter screen opened from the host's timer window: on the screen the host picks, or
side by side with the timer where there is one screen."""

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication, QScreen

from liveplanner.ui.rehearsal.presenter import PresenterWindow

PRESENTER_SHARE = 0.33  # with one screen, the presenter window takes this much of its width
PRESENTER_MIN_WIDTH = 380


def _screen_key(screen: QScreen, number: int) -> str:
    """What the screen list keeps of a screen: its name, or its place where it has none."""
    return screen.name() or f"#{number}"


class HostPresenter:
    """HostView's presenter screen: the screen list, opening it and placing it."""

    def _list_screens(self) -> None:
        """The screens the presenter can fill; with one, there is nothing to choose. A screen
        is kept by its name, so a monitor plugged in or out does not swap the choice."""
        chosen = self.screens.currentData()
        self.screens.clear()
        screens = QGuiApplication.screens()
        for number, screen in enumerate(screens, start=1):
            # Numbered in the user's words; the system's name for the monitor (DP-1, \\.\DISPLAY2)
            # only tells which plug it is on.
            name = self.tr("Screen %1").replace("%1", str(number))
            if screen.name():
                name = self.tr("%1 (%2)").replace("%1", name).replace("%2", screen.name())
            self.screens.addItem(name, _screen_key(screen, number))
        index = self.screens.findData(chosen) if chosen is not None else -1
        if index < 0:
            # The presenter goes to a screen other than the host's, where there is one.
            others = [i for i, s in enumerate(screens) if s is not self.screen()]
            index = others[0] if others else 0
        self.screens.setCurrentIndex(index)
        self.screens.setVisible(len(screens) > 1)

    def open_presenter(self) -> None:
        """P: the presenter screen, full screen on the chosen other screen; with one screen (or
        the host's own chosen), a window beside the host view instead of over it."""
        if self.presenter is None:
            self.presenter = PresenterWindow(self)
            self.presenter.addActions(self.timer_actions)  # the same keys when it is in front
            self.presenter.closed.connect(self._presenter_closed)
        presenter = self.presenter
        wanted = self.screens.currentData()
        own = self.screen()
        chosen = next(
            (
                screen
                for number, screen in enumerate(QGuiApplication.screens(), start=1)
                if _screen_key(screen, number) == wanted
            ),
            own,
        )
        if chosen is not own:
            presenter.setScreen(chosen)
            presenter.setGeometry(chosen.geometry())
            presenter.showFullScreen()
        else:
            self._side_by_side(presenter, own)
        self.refresh()
        presenter.raise_()
        self.activateWindow()  # the keys stay with the host; a click brings the presenter forward
        self.setFocus()

    def _side_by_side(self, presenter: PresenterWindow, screen: QScreen) -> None:
        """Share one screen: the host view on the left, the presenter window on the right."""
        area = screen.availableGeometry()
        frame, inside = self.frameGeometry(), self.geometry()
        # The window manager's frame around each window, so the frames do not overlap.
        left, top = inside.left() - frame.left(), inside.top() - frame.top()
        right, bottom = frame.right() - inside.right(), frame.bottom() - inside.bottom()
        width = max(PRESENTER_MIN_WIDTH, int(area.width() * PRESENTER_SHARE))
        host = QRect(area.left(), area.top(), area.width() - width, area.height())
        beside = QRect(host.right() + 1, area.top(), width, area.height())
        if self.isMaximized() or self.isFullScreen():
            self._maximize_again = True
            self.showNormal()
        self.setGeometry(host.adjusted(left, top, -right, -bottom))
        if presenter.isFullScreen():
            presenter.showNormal()
        presenter.setScreen(screen)
        presenter.setGeometry(beside.adjusted(left, top, -right, -bottom))
        presenter.show()

    def _presenter_closed(self) -> None:
        if self._leaving:
            return
        if self._maximize_again:
            self._maximize_again = False
            self.showMaximized()
        self.activateWindow()
        self.setFocus()
