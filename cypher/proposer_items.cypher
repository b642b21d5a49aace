// Per speaker (a body or person who delivered a speech): the ids of the entities its speeches
// propose or mention, their concept ids, and the bodies the speaker holds roles in. No evidence:
// this feeds overlap_matrix, which only counts shared items.
MATCH (p)-[:DELIVERED]->(:Speech)-[:MAKES*0..1]->()-[:PROPOSES|MENTIONS]->(e:Entity)
WITH p, collect(DISTINCT e.id) AS entities, collect(DISTINCT e.concept) AS concepts
RETURN p.id AS speaker_id, p.name AS speaker_name, labels(p) AS speaker_labels,
       [(p)-[:HOLDS_ROLE]->(b:Body) | {id: b.id, name: b.name}] AS roles, entities, concepts
