// Proposal rows (PROPOSES/MENTIONS in $relations) of entities matching $type, $tokens and $concept.
// The matching rule (policykg.graph.text): every token occurs, lower-cased, in the entity's name,
// name_en, an alias (all three in match_text), or its concept's name or name_en. $concept: concept id, name or name_en.
MATCH (e:Entity)
WHERE $type IS NULL OR e.type = $type
OPTIONAL MATCH (c:Concept {id: e.concept})
WITH e, c
WHERE ($concept IS NULL OR c.id = $concept OR toLower(c.name) = toLower($concept)
       OR toLower(c.name_en) = toLower($concept))
  AND all(t IN $tokens WHERE e.match_text CONTAINS t OR toLower(c.name) CONTAINS t OR toLower(c.name_en) CONTAINS t)
MATCH (x)-[r:PROPOSES|MENTIONS]->(e)
WHERE type(r) IN $relations
MATCH (s:Speech {id: r.speech_id})<-[:DELIVERED]-(p)
RETURN p.id AS speaker_id, p.name AS speaker_name, labels(p) AS speaker_labels,
       [(p)-[:HOLDS_ROLE]->(b:Body) | {id: b.id, name: b.name}] AS roles,
       e {.id, .type, .name, .name_en, .concept} AS entity,
       CASE WHEN c IS NULL THEN null ELSE c {.id, .name, .name_en} END AS concept,
       type(r) AS relation, r.action AS action, x.ordinal AS recommendation,
       s.id AS speech_id, r.start AS start, r.end AS end
