// Load IS_A rows ({source, target, props, documents}) from Entity to Concept.
UNWIND $rows AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Concept {id: row.target})
MERGE (a)-[r:IS_A]->(b)
SET r.documents = [d IN coalesce(r.documents, []) WHERE NOT d IN row.documents] + row.documents
