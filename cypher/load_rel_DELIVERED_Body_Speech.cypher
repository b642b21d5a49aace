// Load DELIVERED rows ({source, target, props}) from Body to Speech.
UNWIND $rows AS row
MATCH (a:Body {id: row.source})
MATCH (b:Speech {id: row.target})
CREATE (a)-[:DELIVERED]->(b)
