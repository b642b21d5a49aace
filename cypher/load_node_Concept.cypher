// Load Concept rows ({id, props}) of one document. Shared node: props are the merged final
// values (old properties, the row's, provenance) computed by the store in the same transaction.
UNWIND $rows AS row
MERGE (n:Concept {id: row.id})
SET n.name = row.props.name,
    n.name_en = row.props.name_en,
    n.documents = row.props.documents
