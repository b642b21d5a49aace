// Load Entity rows ({id, props}) of one document. Shared node: props are the merged final
// values (old properties, the row's, provenance) computed by the store in the same transaction.
// Each row carries its type label; the labels are written here, one FOREACH per type.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n.type = row.props.type,
    n.name = row.props.name,
    n.name_en = row.props.name_en,
    n.concept = row.props.concept,
    n.documents = row.props.documents,
    n.alias_sources = row.props.alias_sources,
    n.aliases = row.props.aliases,
    n.aliases_text = row.props.aliases_text,
    n.match_text = row.props.match_text
FOREACH (_ IN CASE WHEN row.label = 'Fund' THEN [1] ELSE [] END | SET n:Fund)
FOREACH (_ IN CASE WHEN row.label = 'Mechanism' THEN [1] ELSE [] END | SET n:Mechanism)
FOREACH (_ IN CASE WHEN row.label = 'Platform' THEN [1] ELSE [] END | SET n:Platform)
FOREACH (_ IN CASE WHEN row.label = 'Institution' THEN [1] ELSE [] END | SET n:Institution)
FOREACH (_ IN CASE WHEN row.label = 'Pilot' THEN [1] ELSE [] END | SET n:Pilot)
FOREACH (_ IN CASE WHEN row.label = 'Program' THEN [1] ELSE [] END | SET n:Program)
FOREACH (_ IN CASE WHEN row.label = 'Policy' THEN [1] ELSE [] END | SET n:Policy)
