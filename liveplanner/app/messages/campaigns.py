"""Why a campaign was refused: its title, dates or targets (core.campaign.check_campaign), or a
campaign that is not there. Worded here for both front-ends."""

from liveplanner.app.translations import QT_TRANSLATE_NOOP

TEXTS = {
    "campaign.bad_title": QT_TRANSLATE_NOOP(
        "Messages", "a campaign's title needs 1 to {max} characters"
    ),
    "campaign.day_out_of_range": QT_TRANSLATE_NOOP(
        "Messages",
        "{day} is not a day a campaign can have; expected a day in the years {first} to {last}",
    ),
    "campaign.ends_before_start": QT_TRANSLATE_NOOP(
        "Messages", "the campaign ends ({end}) before it starts ({start})"
    ),
    "campaign.negative_target": QT_TRANSLATE_NOOP(
        "Messages", "a campaign's target cannot be under 0 ({name})"
    ),
    "campaign.show_not_in": QT_TRANSLATE_NOOP(
        "Messages",
        "show {show} ({show_title}) is not in campaign {id} ({title}); nothing was changed",
    ),
    "storage.no_campaign": QT_TRANSLATE_NOOP("Messages", "there is no campaign {id}"),
}
