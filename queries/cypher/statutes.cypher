// purpose: Every statute with its kind, dates and number of articles.
// params: (none)
// columns: code, title_zh, title_en, kind, promulgated, effective, repealed, articles
MATCH (s:Statute)
OPTIONAL MATCH (a:Article)-[:PART_OF]->(s)
RETURN s.code AS code, s.title_zh AS title_zh, s.title_en AS title_en, s.kind AS kind,
       s.promulgated AS promulgated, s.effective AS effective, s.repealed AS repealed, count(a) AS articles
ORDER BY code
