"""reviewkit: systematic reviews and evidence maps, from stored searches to report tables."""

__version__ = "0.1.0"
