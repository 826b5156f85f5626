"""The rules of the trade in plain Python: no Qt, no database session."""
