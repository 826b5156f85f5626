"""liveplanner: plan, rehearse, run and review live-stream shopping shows."""

__version__ = "0.1.0"
