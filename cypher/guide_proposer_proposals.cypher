// Guide: one proposer's proposals with their evidence. $proposer is a body or person, by name or id.
// `mention` is Speech.text[start:end]; `context` is the text around it.
CALL () {
  MATCH (b:Body) WHERE b.id = $proposer OR b.name = $proposer RETURN b AS p
  UNION
  MATCH (x:Person) WHERE x.id = $proposer OR x.name = $proposer RETURN x AS p
}
MATCH (p)-[:DELIVERED]->(s:Speech)-[:MAKES*0..1]->(holder)-[r:PROPOSES|MENTIONS]->(e:Entity)
WITH p, s, holder, r, e,
     CASE WHEN r.start < 30 THEN 0 ELSE r.start - 30 END AS from
RETURN p.name AS proposer, s.title AS speech,
       CASE WHEN holder:Recommendation THEN holder.ordinal END AS recommendation,
       [label IN labels(e) WHERE label <> 'Entity'][0] AS type, e.name AS entity, type(r) AS relation,
       r.action AS action, substring(s.text, r.start, r.end - r.start) AS mention,
       substring(s.text, from, r.end - from + 30) AS context
ORDER BY s.id, recommendation, r.start
LIMIT 500
