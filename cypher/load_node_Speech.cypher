// Load Speech rows of one document ({id, props}); the document's old nodes were removed first.
UNWIND $rows AS row
MERGE (n:Speech {id: row.id})
SET n += row.props
