// Element ids of the shared nodes (Body, Person, Entity, Concept) document $document produced.
// Each is reached from the document's speeches: proposers by DELIVERED, their bodies by
// HOLDS_ROLE, entities by PROPOSES/MENTIONS (from a speech or its recommendations), concepts by
// IS_A from those entities. remove_document then touches only these, not every shared node.
MATCH (:Document {id: $document})-[:CONTAINS]->(s:Speech)
CALL (s) {
    MATCH (s)<-[:DELIVERED]-(n) RETURN n
  UNION
    MATCH (s)<-[:DELIVERED]-(:Person)-[:HOLDS_ROLE]->(n:Body) RETURN n
  UNION
    MATCH (s)-[:MAKES*0..1]->()-[:PROPOSES|MENTIONS]->(n:Entity) RETURN n
  UNION
    MATCH (s)-[:MAKES*0..1]->()-[:PROPOSES|MENTIONS]->(:Entity)-[:IS_A]->(n:Concept) RETURN n
}
WITH DISTINCT n
WHERE $document IN n.documents
RETURN elementId(n) AS element_id
