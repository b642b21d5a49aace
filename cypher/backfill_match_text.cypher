// Entities stored before `match_text` existed get it (run by ensure_schema; a no-op afterwards).
// Same value as policykg.graph.provenance.match_text: lower-cased name, name_en and aliases, one per line.
MATCH (n:Entity)
WHERE n.match_text IS NULL
SET n.match_text = toLower(reduce(t = '', f IN [n.name, n.name_en] + coalesce(n.aliases, []) |
      CASE WHEN f IS NULL OR f = '' THEN t WHEN t = '' THEN f ELSE t + '\n' + f END))
