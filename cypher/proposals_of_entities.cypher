// Proposal rows (PROPOSES/MENTIONS in $relations) of the entities $entities.
UNWIND $entities AS id
MATCH (e:Entity {id: id})
OPTIONAL MATCH (c:Concept {id: e.concept})
MATCH (x)-[r:PROPOSES|MENTIONS]->(e)
WHERE type(r) IN $relations
MATCH (s:Speech {id: r.speech_id})<-[:DELIVERED]-(p)
RETURN p.id AS speaker_id, p.name AS speaker_name, labels(p) AS speaker_labels,
       [(p)-[:HOLDS_ROLE]->(b:Body) | {id: b.id, name: b.name}] AS roles,
       e {.id, .type, .name, .name_en, .concept} AS entity,
       CASE WHEN c IS NULL THEN null ELSE c {.id, .name, .name_en} END AS concept,
       type(r) AS relation, r.action AS action, x.ordinal AS recommendation,
       s.id AS speech_id, r.start AS start, r.end AS end
