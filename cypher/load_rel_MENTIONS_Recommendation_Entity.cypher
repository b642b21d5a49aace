// Load MENTIONS rows ({source, target, props}) from Recommendation to Entity.
UNWIND $rows AS row
MATCH (a:Recommendation {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[:MENTIONS {speech_id: row.props.speech_id, start: row.props.start, end: row.props.end}]->(b)
