// purpose: Doctrines ranked by betweenness centrality in the doctrinal layer, with their community.
// params: (none)
// columns: id, name_en, name_zh, centrality, community
MATCH (d:Doctrine)
RETURN d.id AS id, d.name_en AS name_en, d.name_zh AS name_zh, coalesce(d.centrality, 0.0) AS centrality,
       d.community AS community
ORDER BY centrality DESC, id
