// Guide: an entity's neighbourhood ($entity: name or id) — its concept, related entities and
// recommendations, and the proposers whose speeches name it.
MATCH (e:Entity)
WHERE e.id = $entity OR e.name = $entity
OPTIONAL MATCH near = (e)-[]-()
WITH e, collect(DISTINCT near)[..100] AS neighbours
OPTIONAL MATCH by = (e)<-[:PROPOSES|MENTIONS]-()<-[:MAKES*0..1]-(:Speech)<-[:DELIVERED]-()
RETURN e, neighbours, collect(DISTINCT by)[..50] AS proposers
