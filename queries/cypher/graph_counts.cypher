// purpose: How many nodes the graph has per label (the schema at a glance).
// params: (none)
// columns: label, n
MATCH (n:Entity)
RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS label, count(n) AS n
ORDER BY label
