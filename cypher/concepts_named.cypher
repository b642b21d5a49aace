// Ids of the concepts named by $name: their id, or their name or English name, case-insensitive
// (the concept filter of who_proposed_hits.cypher).
MATCH (c:Concept)
WHERE c.id = $name OR toLower(c.name) = toLower($name) OR toLower(c.name_en) = toLower($name)
RETURN c.id AS id
ORDER BY id
