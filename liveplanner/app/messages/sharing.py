"""Why the desk's pages could not be shared on the studio network, or why a page's call was not
taken. Worded here for the window, the command line and the pages themselves."""

from liveplanner.app.translations import QT_TRANSLATE_NOOP

TEXTS = {
    "share.cannot_bind": QT_TRANSLATE_NOOP(
        "Messages", "cannot serve the screens on {address} port {port}: {reason}"
    ),
    "share.bad_address": QT_TRANSLATE_NOOP(
        "Messages", "“{address}” is not an IP address of this computer (such as 192.168.1.20)"
    ),
    "share.read_only": QT_TRANSLATE_NOOP("Messages", "this screen only shows the desk"),
    "share.too_large": QT_TRANSLATE_NOOP(
        "Messages", "a page's call is at most {most} bytes, with its length said first"
    ),
    "share.bad_request": QT_TRANSLATE_NOOP(
        "Messages", "the page sent what the desk does not take: {what}"
    ),
}
