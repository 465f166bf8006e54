"""Turn texts into timelines of dated events (HeidelTime inside)."""

__version__ = "0.5.0"
