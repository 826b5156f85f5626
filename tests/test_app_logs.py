"""The log folder the About dialog opens, without Qt."""

from liveplanner.app import logs


def test_the_log_folder_is_made_for_the_user_alone_before_it_is_shown() -> None:
    folder = logs.log_folder()
    assert folder == logs.log_path().parent
    assert folder.is_dir() and folder.stat().st_mode & 0o077 == 0
