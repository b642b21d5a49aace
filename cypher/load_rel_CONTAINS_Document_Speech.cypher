// Load CONTAINS rows ({source, target, props}) from Document to Speech.
UNWIND $rows AS row
MATCH (a:Document {id: row.source})
MATCH (b:Speech {id: row.target})
CREATE (a)-[:CONTAINS]->(b)
