// Proposal rows (PROPOSES/MENTIONS in $relations) in the speeches delivered by exactly the bodies
// or persons $speakers, of entities matching $type, $tokens and $concept (the rule of
// policykg.graph.text; no filter when all three are empty). Columns as proposals_by_filter.
UNWIND $speakers AS id
CALL (id) {
    MATCH (p:Body {id: id}) RETURN p UNION
    MATCH (p:Person {id: id}) RETURN p
}
MATCH (p)-[:DELIVERED]->(s:Speech)-[:MAKES*0..1]->(x)-[r:PROPOSES|MENTIONS]->(e:Entity)
WHERE type(r) IN $relations AND ($type IS NULL OR e.type = $type)
OPTIONAL MATCH (c:Concept {id: e.concept})
WITH p, s, x, r, e, c
WHERE ($concept IS NULL OR c.id = $concept OR toLower(c.name) = toLower($concept)
       OR toLower(c.name_en) = toLower($concept))
  AND all(t IN $tokens WHERE e.match_text CONTAINS t OR toLower(c.name) CONTAINS t OR toLower(c.name_en) CONTAINS t)
RETURN p.id AS speaker_id, p.name AS speaker_name, labels(p) AS speaker_labels,
       [(p)-[:HOLDS_ROLE]->(b:Body) | {id: b.id, name: b.name}] AS roles,
       e {.id, .type, .name, .name_en, .concept} AS entity,
       CASE WHEN c IS NULL THEN null ELSE c {.id, .name, .name_en} END AS concept,
       type(r) AS relation, r.action AS action, x.ordinal AS recommendation,
       s.id AS speech_id, r.start AS start, r.end AS end
