"""The live desk's windows: each role's or person's screen while a show runs."""
