// Load Body rows ({id, props}) of document $document: shared nodes keep the documents producing them.
UNWIND $rows AS row
MERGE (n:Body {id: row.id})
SET n += row.props,
    n.documents = [d IN coalesce(n.documents, []) WHERE d <> $document] + $document
