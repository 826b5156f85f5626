"""Everything Qt: the application, its windows and widgets. Nothing outside ui/ imports Qt."""
