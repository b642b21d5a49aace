// A page of entities of type $type (any when null) matching $tokens, after $cursor, by id.
MATCH (n:Entity)
WHERE n.id > $cursor AND ($type IS NULL OR n.type = $type)
OPTIONAL MATCH (c:Concept {id: n.concept})
WITH n, c
WHERE all(t IN $tokens WHERE any(f IN [n.name, n.name_en, c.name, c.name_en] + coalesce(n.aliases, [])
                              WHERE f IS NOT NULL AND toLower(f) CONTAINS t))
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
ORDER BY n.id
LIMIT $limit
