// The order tables are copied in: every table after the tables it points at, so the target's foreign keys stay on
// and check every row. A reference that cannot be satisfied by order (a table pointing at itself, as a comment's
// parent does, or a cycle) is copied empty and filled in once its table is complete ("deferred"); it must then be
// nullable.
import type { TableInfo } from "./endpoint";
import { MoveError } from "./values";

export interface CopyPlan {
  order: TableInfo[];
  /** Per table, the columns copied as null and set afterwards. */
  deferred: Map<string, string[]>;
}

export function planCopy(tables: TableInfo[]): CopyPlan {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const deferred = new Map<string, string[]>();
  const defer = (table: TableInfo, columns: string[]) => {
    for (const column of columns) {
      if (!table.columns.find((c) => c.name === column)?.nullable) {
        throw new MoveError(`${table.name}.${column} refers back along a cycle of references and cannot be empty, so no copy order exists`);
      }
    }
    deferred.set(table.name, [...new Set([...(deferred.get(table.name) ?? []), ...columns])]);
  };
  for (const table of tables) {
    const self = table.references.filter((r) => r.table === table.name).flatMap((r) => r.columns);
    if (self.length > 0) defer(table, self);
  }
  const placed = new Set<string>();
  const order: TableInfo[] = [];
  const waitsOn = (table: TableInfo) =>
    table.references.filter((r) => r.table !== table.name && byName.has(r.table) && !placed.has(r.table) && !r.columns.every((c) => deferred.get(table.name)?.includes(c)));
  let remaining = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (remaining.length > 0) {
    const ready = remaining.filter((t) => waitsOn(t).length === 0);
    if (ready.length === 0) {
      // A cycle: copy one of its tables with its references into the cycle left empty for now.
      const table = remaining[0];
      defer(table, waitsOn(table).flatMap((r) => r.columns));
      continue;
    }
    for (const table of ready) {
      order.push(table);
      placed.add(table.name);
    }
    remaining = remaining.filter((t) => !placed.has(t.name));
  }
  return { order, deferred };
}
