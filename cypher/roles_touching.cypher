// The HOLDS_ROLE relationships of the persons or bodies $ids, without reading the DELIVERED
// relationships of a body that gave thousands of speeches.
UNWIND $ids AS id
CALL (id) {
    MATCH (n:Person {id: id}) RETURN n UNION
    MATCH (n:Body {id: id}) RETURN n
}
MATCH (n)-[r:HOLDS_ROLE]-()
WITH DISTINCT r
RETURN type(r) AS type, startNode(r).id AS source, endNode(r).id AS target, properties(r) AS properties
