// Load PROPOSES rows ({source, target, props}) from Recommendation to Entity.
UNWIND $rows AS row
MATCH (a:Recommendation {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[r:PROPOSES]->(b)
SET r = row.props
