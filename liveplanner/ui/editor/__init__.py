"""The producer's script editor: one open show, its tables, panels and undoable edits."""
