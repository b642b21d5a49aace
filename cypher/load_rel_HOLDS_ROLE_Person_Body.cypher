// Load HOLDS_ROLE rows ({source, target, props, documents}) from Person to Body.
UNWIND $rows AS row
MATCH (a:Person {id: row.source})
MATCH (b:Body {id: row.target})
MERGE (a)-[r:HOLDS_ROLE {role: row.props.role}]->(b)
SET r.documents = [d IN coalesce(r.documents, []) WHERE NOT d IN row.documents] + row.documents
