// Search: entities, bodies, persons and concepts matching $tokens by the rule of
// policykg.graph.text, ranked as GraphStore.search ranks them — an exact name, name_en or alias
// ($whole, the lower-cased query) first, then names holding $whole, then the rest; shorter names
// first, then by id — and the first $limit of them. $first: the longest token. Entities come
// through the text index on match_text (or their concept's name), the other labels by scanning.
CALL () {
    MATCH (n:Entity) WHERE n.match_text CONTAINS $first RETURN n
  UNION
    MATCH (k:Concept) WHERE toLower(k.name) CONTAINS $first OR toLower(k.name_en) CONTAINS $first
    MATCH (n:Entity {concept: k.id}) RETURN n
  UNION
    MATCH (n:Body) RETURN n
  UNION
    MATCH (n:Person) RETURN n
  UNION
    MATCH (n:Concept) RETURN n
}
OPTIONAL MATCH (c:Concept {id: n.concept})
WITH n, c
WHERE all(t IN $tokens WHERE any(f IN [n.name, n.name_en, c.name, c.name_en] + coalesce(n.aliases, [])
                              WHERE f IS NOT NULL AND toLower(f) CONTAINS t))
WITH n, c,
     CASE WHEN any(f IN [n.name, n.name_en] + coalesce(n.aliases, []) WHERE f IS NOT NULL AND toLower(f) = $whole) THEN 0
          WHEN toLower(coalesce(n.name, '')) CONTAINS $whole THEN 1
          ELSE 2 END AS rank
ORDER BY rank, size(coalesce(n.name, '')), n.id
LIMIT $limit
RETURN n.id AS id, labels(n) AS labels, n {.id, .type, .name, .name_en, .aliases, .concept} AS properties,
       CASE WHEN c IS NULL THEN null ELSE c {.id, .name, .name_en} END AS concept
