"""The FastAPI service over a graph store."""
