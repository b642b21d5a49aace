// A page of concepts matching $tokens: ids after $cursor, in id order, at most $limit.
MATCH (n:Concept)
WHERE n.id > $cursor
WITH n, null AS c
WHERE all(t IN $tokens WHERE any(f IN [n.name, n.name_en, c.name, c.name_en] + coalesce(n.aliases, [])
                              WHERE f IS NOT NULL AND toLower(f) CONTAINS t))
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
ORDER BY n.id
LIMIT $limit
