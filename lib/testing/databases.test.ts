import { existsSync } from "node:fs";
import { expect, inject, it } from "vitest";
import { createTestDatabase, describeEachEngine } from "./databases";

describeEachEngine("a test database", (database) => {
  it("is a copy of the run's migrated template: the whole schema, and rows of its own", async () => {
    const templates = inject("databaseTemplates");
    if (database().engine === "sqlite") expect(existsSync(templates.sqlite)).toBe(true);
    else expect(templates.postgresql).toMatch(/^breakingon_template_[0-9a-f]{12}$/);

    const other = await createTestDatabase(database().engine);
    try {
      await database().db.section.create({ data: { slug: "only-here", name: "Only here" } });
      expect(await database().db.section.count({ where: { slug: "only-here" } })).toBe(1);
      expect(await other.db.section.count({ where: { slug: "only-here" } })).toBe(0);
      // The latest migrations' tables are there too.
      expect(await other.db.backupRun.count()).toBe(0);
      expect(await other.db.webhookDelivery.count()).toBe(0);
    } finally {
      await other.drop();
    }
  });
});
