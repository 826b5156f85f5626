"""Files people bring or take away: platform metric exports, run sheets, reports, show files."""
