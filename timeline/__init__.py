"""Turn texts into timelines of dated events (HeidelTime inside)."""

__version__ = "0.4.0"
