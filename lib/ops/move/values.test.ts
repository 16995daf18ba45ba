import { describe, expect, it } from "vitest";
import type { TableInfo } from "./endpoint";
import { planCopy } from "./plan";
import { canonical, TableChecksum, toParam } from "./values";

describe("canonical values", () => {
  it("reads every way either engine stores a time as the same instant", () => {
    const instant = "2026-11-27T12:34:56.789Z";
    for (const raw of [instant, "2026-11-27T12:34:56.789+00:00", "2026-11-27 12:34:56.789", 1795782896789n, 1795782896789]) {
      expect(canonical("datetime", raw), String(raw)).toBe(instant);
    }
    expect(canonical("datetime", "2026-11-27 12:34:56")).toBe("2026-11-27T12:34:56.000Z");
    expect(() => canonical("datetime", "yesterday")).toThrow(/"yesterday" is not a date and time/);
  });

  it("compares JSON whatever the key order, booleans whatever the storage, big integers exactly", () => {
    expect(canonical("json", '{"b":1,"a":[1,{"d":2,"c":3}]}')).toBe(canonical("json", { a: [1, { c: 3, d: 2 }], b: 1 }));
    expect([1n, 1, true, "t"].map((raw) => canonical("boolean", raw))).toEqual([true, true, true, true]);
    expect([0n, 0, false, "f"].map((raw) => canonical("boolean", raw))).toEqual([false, false, false, false]);
    expect(canonical("bigint", 9007199254740993n)).toBe(canonical("bigint", "9007199254740993"));
  });

  it("stores values as each engine's driver expects them", () => {
    expect(toParam("datetime", "2026-11-27 12:00:00.5", "sqlite")).toBe("2026-11-27T12:00:00.500+00:00");
    expect(toParam("datetime", "2026-11-27T12:00:00.500+00:00", "postgresql")).toBe("2026-11-27T12:00:00.500Z");
    expect(toParam("boolean", true, "sqlite")).toBe(1);
    expect(toParam("boolean", 0n, "postgresql")).toBe(false);
    expect(toParam("bigint", "9007199254740993", "sqlite")).toBe(9007199254740993n);
  });

  it("sums a table's rows in any order to the same checksum, and a changed row changes it", () => {
    const rows: (string | number | null)[][] = [["a", 1], ["b", 2], ["c", null]];
    const forward = new TableChecksum();
    const backward = new TableChecksum();
    rows.forEach((row) => forward.add(row));
    [...rows].reverse().forEach((row) => backward.add(row));
    expect(forward.hex()).toBe(backward.hex());
    const changed = new TableChecksum();
    [["a", 1], ["b", 3], ["c", null]].forEach((row) => changed.add(row as (string | number)[]));
    expect(changed.hex()).not.toBe(forward.hex());
  });
});

const table = (name: string, references: { columns: string[]; table: string }[], nullable = true): TableInfo => ({
  name,
  columns: [{ name: "id", kind: "text", nullable: false }, ...references.flatMap((r) => r.columns.map((c) => ({ name: c, kind: "text" as const, nullable })))],
  primaryKey: ["id"],
  references,
});

describe("copy order", () => {
  it("puts every table after the tables it points at and defers references to itself", () => {
    const plan = planCopy([
      table("Comment", [{ columns: ["articleId"], table: "Article" }, { columns: ["parentId"], table: "Comment" }]),
      table("Article", [{ columns: ["authorId"], table: "User" }]),
      table("User", []),
    ]);
    expect(plan.order.map((t) => t.name)).toEqual(["User", "Article", "Comment"]);
    expect(Object.fromEntries(plan.deferred)).toEqual({ Comment: ["parentId"] });
  });

  it("breaks a cycle at a nullable reference, and refuses one it cannot break", () => {
    const plan = planCopy([table("A", [{ columns: ["bId"], table: "B" }]), table("B", [{ columns: ["aId"], table: "A" }])]);
    expect(plan.order.map((t) => t.name)).toEqual(["A", "B"]);
    expect(Object.fromEntries(plan.deferred)).toEqual({ A: ["bId"] });
    expect(() => planCopy([table("A", [{ columns: ["bId"], table: "B" }], false), table("B", [{ columns: ["aId"], table: "A" }], false)])).toThrow(/no copy order exists/);
  });
});
