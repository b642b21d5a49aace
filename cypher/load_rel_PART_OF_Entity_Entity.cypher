// Load PART_OF rows ({source, target, props}) from Entity to Entity.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[:PART_OF {speech_id: row.props.speech_id, start: row.props.start, end: row.props.end}]->(b)
