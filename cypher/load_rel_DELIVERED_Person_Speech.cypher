// Load DELIVERED rows ({source, target, props}) from Person to Speech.
UNWIND $rows AS row
MATCH (a:Person {id: row.source})
MATCH (b:Speech {id: row.target})
CREATE (a)-[:DELIVERED]->(b)
