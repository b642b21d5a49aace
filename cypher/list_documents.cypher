// A page of Document nodes: ids after $cursor, in id order, at most $limit.
MATCH (n:Document)
WHERE n.id > $cursor
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
ORDER BY n.id
LIMIT $limit
