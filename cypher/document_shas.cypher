// The stored sha256 of each document of $documents that exists (absent ones give no row).
UNWIND $documents AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.sha256 AS sha256
