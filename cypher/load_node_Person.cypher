// Load Person rows ({id, props}) of document $document: shared nodes keep the documents producing them.
UNWIND $rows AS row
MERGE (n:Person {id: row.id})
SET n += row.props,
    n.documents = [d IN coalesce(n.documents, []) WHERE d <> $document] + $document
