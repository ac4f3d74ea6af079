"""Consilience: read many outlets' accounts of one event and compare what each source says."""

__version__ = "0.1.0"
