// Labels of nodes by id, whatever their label (one index seek per label); no properties.
UNWIND $ids AS id
CALL (id) {
    MATCH (n:Document {id: id}) RETURN n UNION
    MATCH (n:Speech {id: id}) RETURN n UNION
    MATCH (n:Body {id: id}) RETURN n UNION
    MATCH (n:Person {id: id}) RETURN n UNION
    MATCH (n:Recommendation {id: id}) RETURN n UNION
    MATCH (n:Entity {id: id}) RETURN n UNION
    MATCH (n:Concept {id: id}) RETURN n
}
RETURN n.id AS id, labels(n) AS labels
