import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, DatabaseUrlError, resolveDatabaseUrl } from "./database-url";

describe("resolveDatabaseUrl", () => {
  it("defaults to the embedded SQLite file under data/", () => {
    const target = resolveDatabaseUrl(undefined, "/srv/app");
    expect(target).toEqual({ engine: "sqlite", url: DEFAULT_DATABASE_URL, file: "/srv/app/data/breakingon.db" });
    expect(resolveDatabaseUrl("  ", "/srv/app").engine).toBe("sqlite");
  });

  it("resolves relative and absolute SQLite paths", () => {
    expect(resolveDatabaseUrl("file:./x.db", "/a")).toMatchObject({ file: "/a/x.db" });
    expect(resolveDatabaseUrl("file:/var/lib/b.db", "/a")).toMatchObject({ file: path.resolve("/var/lib/b.db") });
    expect(resolveDatabaseUrl("file:///var/lib/c.db", "/a")).toMatchObject({ file: "/var/lib/c.db" });
  });

  it("recognises both PostgreSQL schemes", () => {
    expect(resolveDatabaseUrl("postgres://u@db:5432/news").engine).toBe("postgresql");
    expect(resolveDatabaseUrl("postgresql://u:p@127.0.0.1/news?schema=public").engine).toBe("postgresql");
  });

  it("refuses malformed URLs with a message that names the fix", () => {
    expect(() => resolveDatabaseUrl("mysql://u@h/db")).toThrow(/must start with file: .*postgresql:\/\//);
    expect(() => resolveDatabaseUrl("postgresql://")).toThrow(DatabaseUrlError);
    expect(() => resolveDatabaseUrl("postgresql://host-only")).toThrow(/must name a host and a database/);
    expect(() => resolveDatabaseUrl("file:")).toThrow(/names no file/);
  });
});
