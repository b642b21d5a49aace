// Entities, bodies, persons and concepts matching $tokens by the rule of policykg.graph.text.
CALL () {
    MATCH (n:Entity) OPTIONAL MATCH (c:Concept {id: n.concept}) RETURN n, c UNION
    MATCH (n:Body) RETURN n, null AS c UNION
    MATCH (n:Person) RETURN n, null AS c UNION
    MATCH (n:Concept) RETURN n, null AS c
}
WITH n, c
WHERE all(t IN $tokens WHERE any(f IN [n.name, n.name_en, c.name, c.name_en] + coalesce(n.aliases, [])
                              WHERE f IS NOT NULL AND toLower(f) CONTAINS t))
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties,
       CASE WHEN c IS NULL THEN null ELSE c {.id, .name, .name_en} END AS concept
