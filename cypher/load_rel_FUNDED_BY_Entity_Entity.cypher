// Load FUNDED_BY rows ({source, target, props}) from Entity to Entity.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[r:FUNDED_BY]->(b)
SET r = row.props
