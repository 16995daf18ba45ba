import type { DatabaseTarget } from "../database-url";

const SQLITE_TABLES = [
  "search_document",
  "search_document_fts",
  // FTS5's own shadow tables.
  "search_document_fts_config",
  "search_document_fts_content",
  "search_document_fts_data",
  "search_document_fts_docsize",
  "search_document_fts_idx",
];

/**
 * The search index's tables (each engine's `*_search` migration), which are not Prisma models. prisma.config.ts
 * declares them external, so `prisma migrate dev` neither sees them as drift nor drops them. PostgreSQL names must
 * be schema-qualified (Prisma's P3023).
 */
export function searchExternalTables(target: DatabaseTarget): string[] {
  if (target.engine === "sqlite") return SQLITE_TABLES;
  const schema = new URL(target.url).searchParams.get("schema") || "public";
  return [`${schema}.search_document`];
}
