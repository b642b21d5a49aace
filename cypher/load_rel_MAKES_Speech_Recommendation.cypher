// Load MAKES rows ({source, target, props}) from Speech to Recommendation.
UNWIND $rows AS row
MATCH (a:Speech {id: row.source})
MATCH (b:Recommendation {id: row.target})
CREATE (a)-[:MAKES]->(b)
