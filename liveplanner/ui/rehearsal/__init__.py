"""The host's timer window, the presenter screen, and rehearsal results."""
