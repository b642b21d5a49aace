// Shared nodes (Body, Person, Entity, Concept) by id, with every stored property, so that the
// store can merge a document's rows into them (see policykg.graph.provenance).
UNWIND $ids AS id
CALL (id) {
    MATCH (n:Body {id: id}) RETURN n UNION
    MATCH (n:Person {id: id}) RETURN n UNION
    MATCH (n:Entity {id: id}) RETURN n UNION
    MATCH (n:Concept {id: id}) RETURN n
}
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
