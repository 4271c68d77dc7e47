// purpose: Find nodes by id, case number fragment or name in either language (case-insensitive for English).
// params: $q — the text to look for
// columns: id, label, name
MATCH (n:Entity)
WHERE n.id CONTAINS $q OR toLower(coalesce(n.name_en, '')) CONTAINS toLower($q)
   OR coalesce(n.name_zh, '') CONTAINS $q OR coalesce(n.title_zh, '') CONTAINS $q
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
       coalesce(n.name_en, n.label_zh, n.title_en, n.title_zh, n.name_zh, n.id) AS name
ORDER BY size(id), id
LIMIT 50
