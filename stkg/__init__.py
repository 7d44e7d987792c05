"""stkg: a knowledge graph of Korea's strategic-technology roadmaps."""

__version__ = "0.1.0"
