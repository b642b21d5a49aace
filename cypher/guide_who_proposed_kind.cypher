// Guide: who proposed a kind of fund. $kind is a Chinese or English concept name
// (引导基金, "guidance fund") or part of a fund's name (中试, 种子).
// Shows the path proposer → speech → recommendation → fund (or speech → fund for text outside
// the numbered recommendations); a person's bodies come in `bodies`.
MATCH (f:Fund)
OPTIONAL MATCH (f)-[:IS_A]->(c:Concept)
WITH f, c
WHERE f.name CONTAINS $kind
   OR toLower(coalesce(f.name_en, '')) CONTAINS toLower($kind)
   OR c.name CONTAINS $kind
   OR toLower(coalesce(c.name_en, '')) CONTAINS toLower($kind)
MATCH path = (p)-[:DELIVERED]->(s:Speech)-[:MAKES*0..1]->()-[r:PROPOSES]->(f)
WHERE p:Body OR p:Person
OPTIONAL MATCH (p)-[:HOLDS_ROLE]->(b:Body)
RETURN p.name AS proposer, collect(DISTINCT b.name) AS bodies, f.name AS fund, c.name AS concept,
       r.action AS action, s.title AS speech, path
ORDER BY proposer, fund
LIMIT 200
