"""Every Cypher statement the Neo4j store runs, one `.cypher` file per named statement."""
