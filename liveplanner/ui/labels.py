"""People's names for the stored identifiers (platforms, statuses), in the user's language."""

from PySide6.QtCore import QCoreApplication

from liveplanner.core.enums import Platform, ShowStatus


def platform(value: Platform) -> str:
    return {
        Platform.DOUYIN: QCoreApplication.translate("labels", "Douyin"),
        Platform.TAOBAO: QCoreApplication.translate("labels", "Taobao Live"),
        Platform.KUAISHOU: QCoreApplication.translate("labels", "Kuaishou"),
        Platform.TIKTOK: QCoreApplication.translate("labels", "TikTok Shop"),
        Platform.CHANNELS: QCoreApplication.translate("labels", "WeChat Channels"),
        Platform.OTHER: QCoreApplication.translate("labels", "Other"),
    }[value]


def status(value: ShowStatus) -> str:
    return {
        ShowStatus.DRAFT: QCoreApplication.translate("labels", "Draft"),
        ShowStatus.APPROVED: QCoreApplication.translate("labels", "Approved"),
        ShowStatus.LIVE: QCoreApplication.translate("labels", "Live"),
        ShowStatus.DONE: QCoreApplication.translate("labels", "Done"),
        ShowStatus.REVIEWED: QCoreApplication.translate("labels", "Reviewed"),
    }[value]
