// A page of bodies and persons ($type: organization|person|null) matching $tokens, after $cursor, by id.
CALL () {
    MATCH (n:Body) WHERE n.id > $cursor AND coalesce($type, 'organization') = 'organization' RETURN n UNION
    MATCH (n:Person) WHERE n.id > $cursor AND coalesce($type, 'person') = 'person' RETURN n
}
WITH n, null AS c
WHERE all(t IN $tokens WHERE any(f IN [n.name, n.name_en, c.name, c.name_en] + coalesce(n.aliases, [])
                              WHERE f IS NOT NULL AND toLower(f) CONTAINS t))
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
ORDER BY n.id
LIMIT $limit
