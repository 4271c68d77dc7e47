// purpose: Names and sources of a list of positions (frameworks), for explanations.
// params: $ids — a list of Position ids
// columns: id, name_en, name_zh, sources
MATCH (p:Position)
WHERE p.id IN $ids
RETURN p.id AS id, p.name_en AS name_en, p.name_zh AS name_zh, p.sources AS sources
ORDER BY id
