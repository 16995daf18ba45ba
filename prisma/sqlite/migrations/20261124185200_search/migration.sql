-- Reader search (lib/search/sqlite.ts). These objects are not Prisma models: prisma.config.ts lists the tables as
-- external so `prisma migrate dev` neither drops nor recreates them.
--
-- "search_document" holds a copy of every PUBLISHED article's searchable text, maintained by triggers on "Article";
-- its own triggers feed the FTS5 index "search_document_fts" with Markdown syntax stripped (the index also serves
-- snippets, so it stores that plain text). The "publishedAt <= now" half of the reader filter is applied at query
-- time, because time passing changes no row.
--
-- The triggers on "Article" reference only "Article" and the search tables. SQLite refuses `ALTER TABLE … RENAME`
-- while any view or trigger refers to a missing table, so anything here that read other tables would break Prisma's
-- table-redefinition migrations. Such a migration of "Article" (DROP TABLE + RENAME) drops these triggers with the
-- old table: it must re-create the three "search_article_*" triggers below (lib/dal/search.test.ts fails until it
-- does), then run `npm run search:rebuild`.

-- CreateTable
CREATE TABLE "search_document" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "standfirst" TEXT NOT NULL,
    "body" TEXT NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "search_document_articleId_key" ON "search_document"("articleId");

-- CreateFTS: porter stemming (so "cartel" finds "cartels"), diacritics folded.
CREATE VIRTUAL TABLE "search_document_fts" USING fts5(
    "headline",
    "standfirst",
    "body",
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- CreateTrigger: the index row is plain text. U+E000/U+E001 mark highlights in snippets, so stored text never
-- carries them. SQLite has no regular expressions, so link targets stay (lib/search/snippet.ts trims them).
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

-- CreateTrigger
CREATE TRIGGER "search_article_insert" AFTER INSERT ON "Article" WHEN NEW."status" = 'PUBLISHED'
BEGIN
    INSERT INTO "search_document" ("articleId", "headline", "standfirst", "body")
    VALUES (NEW."id", NEW."headline", NEW."standfirst", NEW."body");
END;

-- CreateTrigger
CREATE TRIGGER "search_article_update" AFTER UPDATE OF "id", "headline", "standfirst", "body", "status" ON "Article"
BEGIN
    DELETE FROM "search_document" WHERE "articleId" = OLD."id";
    INSERT INTO "search_document" ("articleId", "headline", "standfirst", "body")
    SELECT NEW."id", NEW."headline", NEW."standfirst", NEW."body"
    WHERE NEW."status" = 'PUBLISHED';
END;

-- CreateTrigger
CREATE TRIGGER "search_article_delete" AFTER DELETE ON "Article"
BEGIN
    DELETE FROM "search_document" WHERE "articleId" = OLD."id";
END;

-- Fill the index from the stories already published.
INSERT INTO "search_document" ("articleId", "headline", "standfirst", "body")
SELECT "id", "headline", "standfirst", "body" FROM "Article" WHERE "status" = 'PUBLISHED';
