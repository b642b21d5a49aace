// Load Document rows ({id, props}) of one document; the document's old nodes were removed first.
UNWIND $rows AS row
MERGE (n:Document {id: row.id})
SET n.source = row.props.source,
    n.sha256 = row.props.sha256,
    n.publication = row.props.publication,
    n.date = row.props.date,
    n.page = row.props.page,
    n.topic = row.props.topic
