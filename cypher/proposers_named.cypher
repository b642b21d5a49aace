// Bodies and persons named exactly $name.
CALL () {
    MATCH (n:Body {name: $name}) RETURN n UNION
    MATCH (n:Person {name: $name}) RETURN n
}
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
