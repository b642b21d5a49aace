// Guide: what the graph holds — nodes per label (the Entity super-label is left out).
MATCH (n)
UNWIND labels(n) AS label
WITH label
WHERE label <> 'Entity'
RETURN label, count(*) AS nodes
ORDER BY nodes DESC, label
