// Load MENTIONS rows ({source, target, props}) from Speech to Entity.
UNWIND $rows AS row
MATCH (a:Speech {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[r:MENTIONS]->(b)
SET r = row.props
