// Proposal rows (PROPOSES/MENTIONS in $relations) of the speeches delivered by the bodies or
// persons $proposers, or by persons holding a role in one of those bodies.
UNWIND $proposers AS id
CALL (id) {
    MATCH (n:Body {id: id}) RETURN n UNION
    MATCH (n:Person {id: id}) RETURN n
}
MATCH (n)<-[:HOLDS_ROLE*0..1]-(p)-[:DELIVERED]->(s:Speech)
WITH DISTINCT p, s
MATCH (s)-[:MAKES*0..1]->(x)-[r:PROPOSES|MENTIONS]->(e:Entity)
WHERE type(r) IN $relations
OPTIONAL MATCH (c:Concept {id: e.concept})
RETURN p.id AS speaker_id, p.name AS speaker_name, labels(p) AS speaker_labels,
       [(p)-[:HOLDS_ROLE]->(b:Body) | {id: b.id, name: b.name}] AS roles,
       e {.id, .type, .name, .name_en, .concept} AS entity,
       CASE WHEN c IS NULL THEN null ELSE c {.id, .name, .name_en} END AS concept,
       type(r) AS relation, r.action AS action, x.ordinal AS recommendation,
       s.id AS speech_id, r.start AS start, r.end AS end
