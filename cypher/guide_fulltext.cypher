// Guide: full-text search in Chinese (or English) over names, aliases and English names.
// $index is the full-text index of schema.cypher (cjk analyzer); $q a Lucene query such as 中试 or "种子基金".
CALL db.index.fulltext.queryNodes($index, $q) YIELD node, score
RETURN [label IN labels(node) WHERE label <> 'Entity'][0] AS type, node.name AS name,
       node.name_en AS name_en, node.id AS id, score
ORDER BY score DESC, id
LIMIT 25
