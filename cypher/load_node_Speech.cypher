// Load Speech rows ({id, props}) of one document; the document's old nodes were removed first.
UNWIND $rows AS row
MERGE (n:Speech {id: row.id})
SET n.order = row.props.order,
    n.title = row.props.title,
    n.text = row.props.text,
    n.document = row.props.document
