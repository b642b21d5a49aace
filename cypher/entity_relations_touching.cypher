// The entity-to-entity relationships (FUNDED_BY, OPERATED_BY, HOSTED_BY, PART_OF) with either end
// among the entities $ids. Expanding by type reads only those relationships, not the thousands of
// PROPOSES and MENTIONS a hub entity such as 政府 has.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[r:FUNDED_BY|OPERATED_BY|HOSTED_BY|PART_OF]-()
WITH DISTINCT r
RETURN type(r) AS type, startNode(r).id AS source, endNode(r).id AS target, properties(r) AS properties
