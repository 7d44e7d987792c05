"""The release stkg reports in its User-Agent, its ingest provenance and ``/health``."""

__version__ = "0.1.0"
