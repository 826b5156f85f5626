"""The product library's window (Edit ▸ Product library…) and team templates' dialogs."""
