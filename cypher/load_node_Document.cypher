// Load Document rows of one document ({id, props}); the document's old nodes were removed first.
UNWIND $rows AS row
MERGE (n:Document {id: row.id})
SET n += row.props
