// The stored sha256 of document $document (no row when it is absent).
MATCH (d:Document {id: $document})
RETURN d.sha256 AS sha256
