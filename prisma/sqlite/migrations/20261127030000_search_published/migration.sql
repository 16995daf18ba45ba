-- Reader search without reading "Article" (lib/search/sqlite.ts). The search query joined every match to "Article"
-- for its status and publication time, sorted them all, and looked each of the newest up again in the FTS5 index to
-- score it: about 300 ms for a common word in 100,000 stories. Now "search_document" holds only stories that are
-- PUBLISHED with a publication time, and its id, which is the FTS5 rowid, is made from that time:
--
--     id = (milliseconds since 1970 of "publishedAt") * 65536 + n
--
-- where n counts stories published in the same millisecond (0 for the first). So the FTS5 index itself hands out
-- the newest matches first, and "published at or before now" is "rowid < (now in ms + 1) * 65536": one pass over
-- the index, scoring as it goes, never touching "Article". A new publication time means a new id, so a story
-- re-published at another time is indexed again. "publishedAt" is also kept as a column, as written in "Article".
--
-- These "search_article_*" triggers replace those of the search migration. A migration that redefines "Article"
-- (DROP TABLE + RENAME) drops them with the old table and must re-create these three as written here, not as in
-- an older migration (lib/dal/search.test.ts and `npm run search:rebuild` fail until it does).
--
-- The index is filled again from "Article", as the search migration filled it.

-- DropTrigger
DROP TRIGGER "search_article_insert";
DROP TRIGGER "search_article_update";
DROP TRIGGER "search_article_delete";

-- DropTable (its own triggers go with it)
DROP TABLE "search_document";
DROP TABLE "search_document_fts";

-- CreateTable
CREATE TABLE "search_document" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "headline" TEXT NOT NULL,
    "standfirst" TEXT NOT NULL,
    "body" TEXT NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "search_document_articleId_key" ON "search_document"("articleId");

-- CreateFTS: as in the search migration.
CREATE VIRTUAL TABLE "search_document_fts" USING fts5(
    "headline",
    "standfirst",
    "body",
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- CreateTrigger: as in the search migration.
CREATE TRIGGER "search_document_insert" AFTER INSERT ON "search_document"
BEGIN
    INSERT INTO "search_document_fts" ("rowid", "headline", "standfirst", "body")
    VALUES (
        NEW."id",
        replace(replace(replace(replace(NEW."headline", char(57344), ''), char(57345), ''), char(10), ' '), char(13), ' '),
        replace(replace(replace(replace(NEW."standfirst", char(57344), ''), char(57345), ''), char(10), ' '), char(13), ' '),
        trim(
            replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
            replace(replace(replace(replace(replace(replace(
                NEW."body",
                char(57344), ''), char(57345), ''), char(13), ' '), char(10), ' '), char(9), ' '),
                '![', ''), '](', ' ('), '[', ''), ']', ''),
                '**', ''), '__', ''), '~~', ''), '`', ''), '#', ''), '> ', ' '), '*', ''), '_', ' '), '|', ' ')
        )
    );
END;

-- CreateTrigger
CREATE TRIGGER "search_document_delete" AFTER DELETE ON "search_document"
BEGIN
    DELETE FROM "search_document_fts" WHERE "rowid" = OLD."id";
END;

-- CreateTrigger: the id is the publication time's first free slot (see above).
CREATE TRIGGER "search_article_insert" AFTER INSERT ON "Article"
WHEN NEW."status" = 'PUBLISHED' AND NEW."publishedAt" IS NOT NULL
BEGIN
    INSERT INTO "search_document" ("id", "articleId", "publishedAt", "headline", "standfirst", "body")
    SELECT "t"."base" + coalesce((SELECT max("id") + 1 - "t"."base" FROM "search_document" WHERE "id" BETWEEN "t"."base" AND "t"."base" + 65535), 0),
        NEW."id", NEW."publishedAt", NEW."headline", NEW."standfirst", NEW."body"
    FROM (SELECT CAST(round((julianday(NEW."publishedAt") - 2440587.5) * 86400000) AS INTEGER) * 65536 AS "base") AS "t";
END;

-- CreateTrigger
CREATE TRIGGER "search_article_update" AFTER UPDATE OF "id", "headline", "standfirst", "body", "status", "publishedAt" ON "Article"
BEGIN
    DELETE FROM "search_document" WHERE "articleId" = OLD."id";
    INSERT INTO "search_document" ("id", "articleId", "publishedAt", "headline", "standfirst", "body")
    SELECT "t"."base" + coalesce((SELECT max("id") + 1 - "t"."base" FROM "search_document" WHERE "id" BETWEEN "t"."base" AND "t"."base" + 65535), 0),
        NEW."id", NEW."publishedAt", NEW."headline", NEW."standfirst", NEW."body"
    FROM (SELECT CAST(round((julianday(NEW."publishedAt") - 2440587.5) * 86400000) AS INTEGER) * 65536 AS "base") AS "t"
    WHERE NEW."status" = 'PUBLISHED' AND NEW."publishedAt" IS NOT NULL;
END;

-- CreateTrigger
CREATE TRIGGER "search_article_delete" AFTER DELETE ON "Article"
BEGIN
    DELETE FROM "search_document" WHERE "articleId" = OLD."id";
END;

-- Fill the index from the stories already published (stories of the same millisecond numbered in id order).
INSERT INTO "search_document" ("id", "articleId", "publishedAt", "headline", "standfirst", "body")
SELECT "base" + row_number() OVER (PARTITION BY "base" ORDER BY "id") - 1, "id", "publishedAt", "headline", "standfirst", "body"
FROM (
    SELECT *, CAST(round((julianday("publishedAt") - 2440587.5) * 86400000) AS INTEGER) * 65536 AS "base"
    FROM "Article" WHERE "status" = 'PUBLISHED' AND "publishedAt" IS NOT NULL
);
INSERT INTO "search_document_fts" ("search_document_fts") VALUES ('optimize');
