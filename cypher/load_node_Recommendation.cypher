// Load Recommendation rows of one document ({id, props}); the document's old nodes were removed first.
UNWIND $rows AS row
MERGE (n:Recommendation {id: row.id})
SET n += row.props
