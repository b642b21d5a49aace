// Guide: the overlap of two proposers ($a, $b: names or ids) — the entities both proposed or
// mentioned, those only one did, and the Jaccard index |A∩B| / |A∪B|. A body also counts the
// speeches of persons holding roles in it.
CALL () {
  MATCH (b:Body) WHERE b.id = $a OR b.name = $a RETURN b AS pa
  UNION
  MATCH (x:Person) WHERE x.id = $a OR x.name = $a RETURN x AS pa
}
CALL () {
  MATCH (b:Body) WHERE b.id = $b OR b.name = $b RETURN b AS pb
  UNION
  MATCH (x:Person) WHERE x.id = $b OR x.name = $b RETURN x AS pb
}
OPTIONAL MATCH (pa)<-[:HOLDS_ROLE*0..1]-()-[:DELIVERED]->(:Speech)-[:MAKES*0..1]->()-[:PROPOSES|MENTIONS]->(ea:Entity)
WITH pa, pb, collect(DISTINCT ea) AS setA
OPTIONAL MATCH (pb)<-[:HOLDS_ROLE*0..1]-()-[:DELIVERED]->(:Speech)-[:MAKES*0..1]->()-[:PROPOSES|MENTIONS]->(eb:Entity)
WITH pa, pb, setA, collect(DISTINCT eb) AS setB
WITH pa, pb, [e IN setA WHERE e IN setB] AS shared,
     [e IN setA WHERE NOT e IN setB] AS onlyA, [e IN setB WHERE NOT e IN setA] AS onlyB
RETURN pa.name AS a, pb.name AS b,
       size(shared) AS shared_count,
       CASE size(shared) + size(onlyA) + size(onlyB) WHEN 0 THEN 0.0
            ELSE toFloat(size(shared)) / (size(shared) + size(onlyA) + size(onlyB)) END AS jaccard,
       [e IN shared | e.name] AS shared, [e IN onlyA | e.name] AS only_a, [e IN onlyB | e.name] AS only_b
