// One value, three forms: what an engine's driver hands back (raw), one canonical form both sides are compared in,
// and what the other engine's driver is given to store. Prisma's SQLite adapter keeps DateTime as ISO text
// ("…T12:00:00.000+00:00"; older or raw writes may hold integer milliseconds or "YYYY-MM-DD HH:MM:SS"), Boolean as
// 0/1, Json as text and BigInt as an integer; PostgreSQL has its own types (read back as text, see endpoint.ts).
import { createHash } from "node:crypto";

export type Engine = "sqlite" | "postgresql";
export type Kind = "text" | "integer" | "bigint" | "float" | "decimal" | "boolean" | "datetime" | "json" | "bytes";

export class MoveError extends Error {
  override name = "MoveError";
}

/** The kind of a column from SQLite's declared type (Prisma's SQLite migrations spell them as below). */
export function sqliteKind(declared: string): Kind {
  const type = declared.toUpperCase();
  if (/^(DATETIME|TIMESTAMP|DATE)/.test(type)) return "datetime";
  if (type.startsWith("BOOLEAN")) return "boolean";
  if (type.startsWith("JSON")) return "json";
  if (type.startsWith("BIGINT")) return "bigint";
  if (/^(INTEGER|INT|SMALLINT|TINYINT|MEDIUMINT)/.test(type)) return "integer";
  if (/^(REAL|DOUBLE|FLOAT)/.test(type)) return "float";
  if (/^(DECIMAL|NUMERIC)/.test(type)) return "decimal";
  if (type.startsWith("BLOB")) return "bytes";
  return "text";
}

/** The kind of a column from PostgreSQL's information_schema data_type (enums are USER-DEFINED, stored as text). */
export function postgresKind(dataType: string): Kind {
  switch (dataType) {
    case "integer":
    case "smallint":
      return "integer";
    case "bigint":
      return "bigint";
    case "boolean":
      return "boolean";
    case "timestamp without time zone":
    case "timestamp with time zone":
    case "date":
      return "datetime";
    case "json":
    case "jsonb":
      return "json";
    case "double precision":
    case "real":
      return "float";
    case "numeric":
      return "decimal";
    case "bytea":
      return "bytes";
    default:
      return "text";
  }
}

const ZONED = /(Z|[+-]\d\d:?\d\d)$/i;

function isoInstant(raw: unknown): string {
  if (typeof raw === "number" || typeof raw === "bigint") return new Date(Number(raw)).toISOString();
  if (raw instanceof Date) return raw.toISOString();
  const text = String(raw).trim();
  // A time without a zone is UTC: PostgreSQL's timestamp(3) as Prisma writes it, SQLite's CURRENT_TIMESTAMP.
  const date = new Date(ZONED.test(text) ? text : `${text.replace(" ", "T")}Z`);
  if (Number.isNaN(date.getTime())) throw new MoveError(`"${text}" is not a date and time`);
  return date.toISOString();
}

/** JSON with object keys sorted, so PostgreSQL's jsonb (which reorders keys) and SQLite's text compare equal. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The canonical form of a value as either engine returns it; equal canonical forms mean the same stored value. */
export function canonical(kind: Kind, raw: unknown): string | number | boolean | null {
  if (raw === null || raw === undefined) return null;
  switch (kind) {
    case "text":
      return String(raw);
    case "integer":
    case "float":
      return Number(raw);
    case "bigint":
      return BigInt(raw as string | number | bigint).toString();
    case "decimal":
      return String(Number(raw));
    case "boolean":
      if (typeof raw === "boolean") return raw;
      return typeof raw === "string" ? ["t", "true", "1"].includes(raw.toLowerCase()) : Number(raw) !== 0;
    case "datetime":
      return isoInstant(raw);
    case "json":
      return stableJson(typeof raw === "string" ? JSON.parse(raw) : raw);
    case "bytes":
      return Buffer.isBuffer(raw) ? raw.toString("base64") : Buffer.from(raw as Uint8Array).toString("base64");
  }
}

/** What the target engine's driver is given to store a source value. */
export function toParam(kind: Kind, raw: unknown, target: Engine): unknown {
  if (raw === null || raw === undefined) return null;
  switch (kind) {
    case "boolean": {
      const value = canonical(kind, raw) as boolean;
      return target === "sqlite" ? (value ? 1 : 0) : value;
    }
    case "datetime": {
      const iso = isoInstant(raw);
      // As Prisma's SQLite adapter writes it; PostgreSQL's timestamp(3) takes the UTC time as it stands.
      return target === "sqlite" ? iso.replace("Z", "+00:00") : iso;
    }
    case "json":
      // The source's own text where it has one (PostgreSQL normalises it anyway; SQLite keeps what it was given).
      return typeof raw === "string" ? raw : JSON.stringify(raw);
    case "integer":
    case "float":
      return Number(raw);
    case "bigint":
      return target === "sqlite" ? BigInt(raw as string | number | bigint) : BigInt(raw as string | number | bigint).toString();
    case "decimal":
      return target === "sqlite" ? Number(raw) : String(raw);
    case "bytes":
      return Buffer.isBuffer(raw) ? raw : Buffer.from(raw as Uint8Array);
    case "text":
      return String(raw);
  }
}

const MODULUS = 1n << 256n;

/**
 * A table's checksum that does not depend on row order: the sum (mod 2^256) of each row's sha256 over its canonical
 * JSON. Each engine can then read in its own primary-key order (text keys sort differently under PostgreSQL's
 * collation than under SQLite's bytes), and a missing, extra or changed row changes the sum.
 */
export class TableChecksum {
  private sum = 0n;
  rows = 0;
  add(row: (string | number | boolean | null)[]): void {
    const digest = createHash("sha256").update(JSON.stringify(row)).digest("hex");
    this.sum = (this.sum + BigInt(`0x${digest}`)) % MODULUS;
    this.rows += 1;
  }
  hex(): string {
    return this.sum.toString(16).padStart(64, "0");
  }
}
