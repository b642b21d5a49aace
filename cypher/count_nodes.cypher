// Nodes per label, from the count store.
CALL () {
  MATCH (n:Document) RETURN 'Document' AS name, count(n) AS n UNION ALL
  MATCH (n:Speech) RETURN 'Speech' AS name, count(n) AS n UNION ALL
  MATCH (n:Body) RETURN 'Body' AS name, count(n) AS n UNION ALL
  MATCH (n:Person) RETURN 'Person' AS name, count(n) AS n UNION ALL
  MATCH (n:Recommendation) RETURN 'Recommendation' AS name, count(n) AS n UNION ALL
  MATCH (n:Entity) RETURN 'Entity' AS name, count(n) AS n UNION ALL
  MATCH (n:Concept) RETURN 'Concept' AS name, count(n) AS n UNION ALL
  MATCH (n:Fund) RETURN 'Fund' AS name, count(n) AS n UNION ALL
  MATCH (n:Mechanism) RETURN 'Mechanism' AS name, count(n) AS n UNION ALL
  MATCH (n:Platform) RETURN 'Platform' AS name, count(n) AS n UNION ALL
  MATCH (n:Institution) RETURN 'Institution' AS name, count(n) AS n UNION ALL
  MATCH (n:Pilot) RETURN 'Pilot' AS name, count(n) AS n UNION ALL
  MATCH (n:Program) RETURN 'Program' AS name, count(n) AS n UNION ALL
  MATCH (n:Policy) RETURN 'Policy' AS name, count(n) AS n
}
RETURN name, n
