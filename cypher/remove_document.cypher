// Remove document $document and whatever only it produced (see policykg.graph.provenance;
// EmbeddedStore applies the same steps in Python). Runs inside the loading transaction.
// $shared: element ids of the shared nodes it produced (document_shared_nodes, read first).

// 1. Entity-entity relationships drawn from its speeches.
MATCH (:Document {id: $document})-[:CONTAINS]->(s:Speech)
WITH collect(s.id) AS speeches
UNWIND $shared AS id
MATCH (e:Entity)-[r:FUNDED_BY|OPERATED_BY|HOSTED_BY|PART_OF]->(:Entity)
WHERE elementId(e) = id AND r.speech_id IN speeches
DELETE r;

// 2. Its share of HOLDS_ROLE and IS_A; those no other document asserts go.
UNWIND $shared AS id
MATCH (n:Person|Entity)-[r:HOLDS_ROLE|IS_A]->()
WHERE elementId(n) = id AND $document IN r.documents
SET r.documents = [d IN r.documents WHERE d <> $document]
WITH r
WHERE size(r.documents) = 0
DELETE r;

// 3. Its recommendations, speeches and the document node, with their relationships.
MATCH (:Document {id: $document})-[:CONTAINS]->(:Speech)-[:MAKES]->(r:Recommendation)
DETACH DELETE r;
MATCH (:Document {id: $document})-[:CONTAINS]->(s:Speech)
DETACH DELETE s;
MATCH (d:Document {id: $document})
DETACH DELETE d;

// 4. Shared nodes only it produced.
UNWIND $shared AS id
MATCH (n:Body|Person|Entity|Concept)
WHERE elementId(n) = id AND n.documents = [$document]
DETACH DELETE n;

// 5. Its share of shared nodes that other documents produced too.
UNWIND $shared AS id
MATCH (n:Body|Person|Concept)
WHERE elementId(n) = id
SET n.documents = [d IN n.documents WHERE d <> $document];
UNWIND $shared AS id
MATCH (n:Entity)
WHERE elementId(n) = id
SET n.documents = [d IN n.documents WHERE d <> $document],
    n.alias_sources = [s IN coalesce(n.alias_sources, []) WHERE NOT s STARTS WITH $document + '\t']
SET n.aliases = reduce(acc = [], s IN n.alias_sources |
      CASE WHEN substring(s, size(split(s, '\t')[0]) + 1) IN acc THEN acc
           ELSE acc + substring(s, size(split(s, '\t')[0]) + 1) END)
SET n.aliases_text = reduce(t = '', a IN n.aliases | CASE WHEN t = '' THEN a ELSE t + ' | ' + a END),
    n.match_text = toLower(reduce(t = '', f IN [n.name, n.name_en] + n.aliases |
      CASE WHEN f IS NULL OR f = '' THEN t WHEN t = '' THEN f ELSE t + '\n' + f END));
