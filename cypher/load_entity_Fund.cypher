// Load Fund entity rows ({id, props, alias_sources}) of document $document.
// documents: who produced the node; alias_sources "<document>\t<alias>" give aliases exactly.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n:Fund, n += row.props,
    n.documents = [d IN coalesce(n.documents, []) WHERE d <> $document] + $document,
    n.alias_sources = [s IN coalesce(n.alias_sources, []) WHERE NOT s STARTS WITH $document + '\t'] + row.alias_sources
SET n.aliases = reduce(acc = [], s IN n.alias_sources |
      CASE WHEN substring(s, size(split(s, '\t')[0]) + 1) IN acc THEN acc
           ELSE acc + substring(s, size(split(s, '\t')[0]) + 1) END)
SET n.aliases_text = reduce(t = '', a IN n.aliases | CASE WHEN t = '' THEN a ELSE t + ' | ' + a END)
