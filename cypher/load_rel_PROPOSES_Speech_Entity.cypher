// Load PROPOSES rows ({source, target, props}) from Speech to Entity.
UNWIND $rows AS row
MATCH (a:Speech {id: row.source})
MATCH (b:Entity {id: row.target})
CREATE (a)-[:PROPOSES {action: row.props.action, action_en: row.props.action_en, speech_id: row.props.speech_id, start: row.props.start, end: row.props.end}]->(b)
