// purpose: Communities of the doctrinal layer (Louvain): size and members by label.
// params: (none)
// columns: community, size, doctrines, rules, articles, members
MATCH (n:Entity)
WHERE n.community IS NOT NULL
WITH n.community AS community, collect(n) AS nodes
RETURN community, size(nodes) AS size,
       [x IN nodes WHERE 'Doctrine' IN labels(x) | x.id] AS doctrines,
       size([x IN nodes WHERE 'Rule' IN labels(x)]) AS rules,
       size([x IN nodes WHERE 'Article' IN labels(x)]) AS articles,
       [x IN nodes | x.id] AS members
ORDER BY size DESC, community
