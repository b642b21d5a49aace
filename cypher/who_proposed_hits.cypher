// The hits of who_proposed, without their evidence: for every proposer of entities matching
// $type, $tokens and $concept (the rule of policykg.graph.text), directly or as a body through
// the speech of a person holding a role in it, the number of distinct matching entities it
// proposed. Sorted (most entities first, then proposer id, path, via id); the $offset/$limit
// page and the total count. $first: the longest token (null without tokens).
//
// Candidates come from an index, one branch per kind of question (a branch whose guard is
// false yields nothing): the entities whose match_text holds $first (text index) or whose
// concept's name holds it; else the entities of the named concept; else of the type; else all.
CALL () {
    MATCH (e:Entity) WHERE e.match_text CONTAINS $first RETURN e
  UNION
    MATCH (c:Concept) WHERE toLower(c.name) CONTAINS $first OR toLower(c.name_en) CONTAINS $first
    MATCH (e:Entity {concept: c.id}) RETURN e
  UNION
    UNWIND CASE WHEN $first IS NULL AND $concept IS NOT NULL THEN [$concept] ELSE [] END AS wanted
    MATCH (c:Concept)
    WHERE c.id = wanted OR toLower(c.name) = toLower(wanted) OR toLower(c.name_en) = toLower(wanted)
    MATCH (e:Entity {concept: c.id}) RETURN e
  UNION
    UNWIND CASE WHEN $first IS NULL AND $concept IS NULL AND $type IS NOT NULL THEN [$type] ELSE [] END AS type
    MATCH (e:Entity {type: type}) RETURN e
  UNION
    UNWIND CASE WHEN $first IS NULL AND $concept IS NULL AND $type IS NULL THEN [1] ELSE [] END AS everything
    MATCH (e:Entity) RETURN e
}
WITH e
WHERE $type IS NULL OR e.type = $type
OPTIONAL MATCH (c:Concept {id: e.concept})
WITH e, c
WHERE ($concept IS NULL OR c.id = $concept OR toLower(c.name) = toLower($concept)
       OR toLower(c.name_en) = toLower($concept))
  AND all(t IN $tokens WHERE e.match_text CONTAINS t OR toLower(c.name) CONTAINS t OR toLower(c.name_en) CONTAINS t)
MATCH (p)-[:DELIVERED]->(:Speech)-[:MAKES*0..1]->()-[:PROPOSES]->(e)
// A role hit (body, via person) counts the entities of that person's speeches: the person's own count.
WITH p, count(DISTINCT e) AS entities
CALL (p) {
    RETURN p AS proposer, 'direct' AS path, null AS via
  UNION
    MATCH (p)-[:HOLDS_ROLE]->(b:Body)
    RETURN b AS proposer, 'role' AS path, p AS via
}
WITH proposer, path, via, entities
ORDER BY entities DESC, proposer.id, path, coalesce(via.id, '')
WITH collect({proposer: proposer, path: path, via: via, entities: entities}) AS hits
RETURN size(hits) AS count,
       [h IN hits[$offset..$offset + coalesce($limit, size(hits))] |
        {proposer: h.proposer.id, proposer_name: h.proposer.name, proposer_labels: labels(h.proposer),
         path: h.path, via: h.via.id, via_name: h.via.name, via_labels: labels(h.via),
         entities: h.entities}] AS page
