"""policykg: a knowledge graph of Chinese policy recommendations."""

__version__ = "0.1.0"
