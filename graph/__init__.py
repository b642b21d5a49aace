"""Graph schema, stores (embedded networkx and Neo4j), loading, queries and exports."""
