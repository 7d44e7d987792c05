"""stkg: a knowledge graph of Korea's strategic-technology roadmaps."""

from stkg.config.version import __version__

__all__ = ["__version__"]
