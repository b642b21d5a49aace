// Every node.
MATCH (n)
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties
