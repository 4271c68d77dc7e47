// purpose: The paragraphs (款) of an article, in order, with their text.
// params: $id — an article id, e.g. CC:1198
// columns: id, ordinal, text_zh
MATCH (p:Paragraph)-[:PART_OF]->(a:Article {id: $id})
RETURN p.id AS id, p.ordinal AS ordinal, p.text_zh AS text_zh
ORDER BY ordinal
