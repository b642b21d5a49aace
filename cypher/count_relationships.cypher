// Relationships per type, from the count store.
CALL () {
  MATCH ()-[r:CONTAINS]->() RETURN 'CONTAINS' AS name, count(r) AS n UNION ALL
  MATCH ()-[r:DELIVERED]->() RETURN 'DELIVERED' AS name, count(r) AS n UNION ALL
  MATCH ()-[r:HOLDS_ROLE]->() RETURN 'HOLDS_ROLE' AS name, count(r) AS n UNION ALL
  MATCH ()-[r:MAKES]->() RETURN 'MAKES' AS name, count(r) AS n UNION ALL
  MATCH ()-[r:PROPOSES]->() RETURN 'PROPOSES' AS name, count(r) AS n UNION ALL
  MATCH ()-[r:MENTIONS]->() RETURN 'MENTIONS' AS name, count(r) AS n UNION ALL
  MATCH ()-[r:IS_A]->() RETURN 'IS_A' AS name, count(r) AS n UNION ALL
  MATCH ()-[r:FUNDED_BY]->() RETURN 'FUNDED_BY' AS name, count(r) AS n UNION ALL
  MATCH ()-[r:OPERATED_BY]->() RETURN 'OPERATED_BY' AS name, count(r) AS n UNION ALL
  MATCH ()-[r:HOSTED_BY]->() RETURN 'HOSTED_BY' AS name, count(r) AS n UNION ALL
  MATCH ()-[r:PART_OF]->() RETURN 'PART_OF' AS name, count(r) AS n
}
RETURN name, n
