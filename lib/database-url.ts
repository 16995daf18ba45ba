import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/breakingon.db";

export type DatabaseTarget =
  | { engine: "sqlite"; url: string; file: string }
  | { engine: "postgresql"; url: string };

export class DatabaseUrlError extends Error {
  override name = "DatabaseUrlError";
}

/**
 * Reads DATABASE_URL and says which engine serves it. A `file:` URL is SQLite (relative paths are from the project
 * root, where every command runs); `postgres://` or `postgresql://` is PostgreSQL. Anything else is refused with the fix.
 */
export function resolveDatabaseUrl(raw: string | undefined, cwd: string = process.cwd()): DatabaseTarget {
  const url = raw?.trim() || DEFAULT_DATABASE_URL;
  if (url.startsWith("file:")) {
    const rest = url.slice("file:".length).split("?")[0];
    if (!rest) throw new DatabaseUrlError(`DATABASE_URL "${url}" names no file. Use e.g. ${DEFAULT_DATABASE_URL}`);
    const file = rest.startsWith("//") ? new URL(url).pathname : rest;
    return { engine: "sqlite", url, file: path.resolve(cwd, file) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new DatabaseUrlError(
        `DATABASE_URL is not a valid PostgreSQL URL. Use postgresql://USER:PASSWORD@HOST:5432/DATABASE`,
      );
    }
    if (!parsed.hostname || parsed.pathname.length <= 1) {
      throw new DatabaseUrlError(
        `DATABASE_URL must name a host and a database, e.g. postgresql://USER:PASSWORD@HOST:5432/DATABASE`,
      );
    }
    return { engine: "postgresql", url };
  }
  throw new DatabaseUrlError(
    `DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${url.split(":")[0]}:". ` +
      `Unset it to use the embedded database (${DEFAULT_DATABASE_URL}).`,
  );
}
