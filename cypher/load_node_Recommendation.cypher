// Load Recommendation rows ({id, props}) of one document; the document's old nodes were removed first.
UNWIND $rows AS row
MERGE (n:Recommendation {id: row.id})
SET n.ordinal = row.props.ordinal,
    n.heading = row.props.heading,
    n.text = row.props.text,
    n.start = row.props.start,
    n.end = row.props.end,
    n.speech_id = row.props.speech_id
