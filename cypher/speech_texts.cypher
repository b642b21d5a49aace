// Title and text of the speeches $ids.
UNWIND $ids AS id
MATCH (s:Speech {id: id})
RETURN s.id AS id, s.title AS title, s.text AS text
