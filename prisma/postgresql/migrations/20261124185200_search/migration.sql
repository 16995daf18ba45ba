-- Reader search (lib/search/postgresql.ts). These objects are not Prisma models. prisma.config.ts lists the table
-- as external, so `prisma migrate dev` neither drops nor recreates it (Prisma Migrate ignores functions and triggers).
--
-- "search_document" holds a copy of every PUBLISHED article's searchable text, kept by a trigger on "Article", and a
-- generated, weighted tsvector over it (headline A, standfirst B, body as plain text D) under a GIN index.
-- The "publishedAt <= now" half of the reader filter is applied at query time, because time passing changes no row.
--
-- Two traps shape this file. Prisma's PostgreSQL driver adapter, which runs migrations for the offline schema engine,
-- splits a script at every semicolon, even inside quotes: so no semicolon appears in a comment or a function body
-- here (the PL/pgSQL body is an escape string that spells each one as \073). And the trigger names no columns (no
-- UPDATE OF, no WHEN): a column a trigger depends on cannot change type, which would block migrations Prisma writes
-- itself, such as the type swap when an enum value is removed.

-- CreateFunction: Markdown to plain text, near enough for indexing and snippets. U+E000 and U+E001 mark highlights
-- in snippets, so the text never carries them.
CREATE FUNCTION "search_plain_text"("markdown" TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT btrim(regexp_replace(translate(
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
        translate("markdown", chr(57344) || chr(57345), ''),
        '^[ \t]*(```|~~~).*$', '', 'gn'),
        '!?\[([^\]]*)\]\([^)]*\)', '\1', 'g'),
        '^[ \t]{0,3}\[[^\]]+\]:.*$', '', 'gn'),
        '<[^>]*>', ' ', 'g'),
        '^[ \t]{0,3}(#{1,6}|>+|[-*+]|[0-9]+[.)])[ \t]+', '', 'gn'),
        '[*`~#]+', '', 'g'),
    '_|', '  '),
    '\s+', ' ', 'g'))
$$;

-- CreateTable: text is capped because a tsvector over 1 MB is an error, and an error here would fail the article's save.
CREATE TABLE "search_document" (
    "articleId" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "standfirst" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "document" tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, left("headline", 10000)), 'A') ||
        setweight(to_tsvector('english'::regconfig, left("standfirst", 10000)), 'B') ||
        setweight(to_tsvector('english'::regconfig, left("search_plain_text"("body"), 200000)), 'D')
    ) STORED,

    CONSTRAINT "search_document_pkey" PRIMARY KEY ("articleId")
);

-- CreateIndex
CREATE INDEX "search_document_document_idx" ON "search_document" USING GIN ("document");

-- CreateFunction
CREATE FUNCTION "search_article_sync"() RETURNS trigger
LANGUAGE plpgsql
AS E'
BEGIN
    IF TG_OP = ''UPDATE''
        AND (NEW."id", NEW."status"::text, NEW."headline", NEW."standfirst", NEW."body")
            IS NOT DISTINCT FROM (OLD."id", OLD."status"::text, OLD."headline", OLD."standfirst", OLD."body") THEN
        RETURN NULL\073
    END IF\073
    IF TG_OP <> ''INSERT'' THEN
        DELETE FROM "search_document" WHERE "articleId" = OLD."id"\073
    END IF\073
    IF TG_OP <> ''DELETE'' AND NEW."status"::text = ''PUBLISHED'' THEN
        INSERT INTO "search_document" ("articleId", "headline", "standfirst", "body")
        VALUES (NEW."id", NEW."headline", NEW."standfirst", NEW."body")\073
    END IF\073
    RETURN NULL\073
END
';

-- CreateTrigger
CREATE TRIGGER "search_article_sync" AFTER INSERT OR UPDATE OR DELETE ON "Article"
FOR EACH ROW EXECUTE FUNCTION "search_article_sync"();

-- Fill the index from the stories already published.
INSERT INTO "search_document" ("articleId", "headline", "standfirst", "body")
SELECT "id", "headline", "standfirst", "body" FROM "Article" WHERE "status" = 'PUBLISHED';
