// purpose: An article's statute (work) with its versions and dates, and the article's own text in each version the corpus holds (for the text in force on a date).
// params: $id — an article id, e.g. FSL:131
// columns: law, enacted, repealed, successor, versions, texts
MATCH (a:Article {id: $id})-[:PART_OF]->(s:Statute)
OPTIONAL MATCH (sv:StatuteVersion)-[:VERSION_OF]->(s)
WITH a, s, collect(DISTINCT {id: sv.id, version_date: sv.version_date, effective_from: sv.effective_from}) AS versions
OPTIONAL MATCH (av:ArticleVersion)-[:VERSION_OF]->(a)
OPTIONAL MATCH (av)-[:IN_VERSION]->(v:StatuteVersion)
RETURN s.id AS law, s.enacted AS enacted, s.repealed AS repealed, s.successor AS successor,
       [x IN versions WHERE x.id IS NOT NULL] AS versions,
       [x IN collect(DISTINCT {id: av.id, version: v.id, text_zh: av.text_zh, sources: av.sources})
        WHERE x.id IS NOT NULL] AS texts
