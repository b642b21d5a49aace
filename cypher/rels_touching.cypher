// Relationships with either end among the nodes $ids.
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
MATCH (n)-[r]-()
WITH DISTINCT r
RETURN type(r) AS type, startNode(r).id AS source, endNode(r).id AS target, properties(r) AS properties
