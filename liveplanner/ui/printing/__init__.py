"""The printed script: the run sheet and the cue cards, as PDF and through the print preview."""
