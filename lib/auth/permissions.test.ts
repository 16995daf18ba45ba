import { describe, expect, it } from "vitest";
import { allowedTransitions, can, canTransition, PERMISSIONS, ROLES, STATUSES, type Permission, type Role, type Status } from "./permissions";

// The matrix written out in full: every permission × every role and anonymous. A change to the rules must change
// this table too.
const EXPECTED: Record<Permission, { ADMIN: boolean; EDITOR: boolean; WRITER: boolean }> = {
  "newsroom.enter": { ADMIN: true, EDITOR: true, WRITER: true },
  "article.create": { ADMIN: true, EDITOR: true, WRITER: true },
  "article.editOwnDraft": { ADMIN: true, EDITOR: true, WRITER: true },
  "article.editAny": { ADMIN: true, EDITOR: true, WRITER: false },
  "article.viewAny": { ADMIN: true, EDITOR: true, WRITER: false },
  "article.submitForReview": { ADMIN: true, EDITOR: true, WRITER: true },
  "article.publish": { ADMIN: true, EDITOR: true, WRITER: false },
  "article.schedule": { ADMIN: true, EDITOR: true, WRITER: false },
  "article.unpublish": { ADMIN: true, EDITOR: true, WRITER: false },
  "article.setBreaking": { ADMIN: true, EDITOR: true, WRITER: false },
  "article.setLead": { ADMIN: true, EDITOR: true, WRITER: false },
  "article.addCorrection": { ADMIN: true, EDITOR: true, WRITER: false },
  "article.restoreRevision": { ADMIN: true, EDITOR: true, WRITER: false },
  "article.delete": { ADMIN: true, EDITOR: false, WRITER: false },
  "live.postOwn": { ADMIN: true, EDITOR: true, WRITER: true },
  "live.postAny": { ADMIN: true, EDITOR: true, WRITER: false },
  "live.manageCoverage": { ADMIN: true, EDITOR: true, WRITER: false },
  "review.queue": { ADMIN: true, EDITOR: true, WRITER: false },
  "tag.createInline": { ADMIN: true, EDITOR: true, WRITER: true },
  "media.upload": { ADMIN: true, EDITOR: true, WRITER: true },
  "taxonomy.manage": { ADMIN: true, EDITOR: false, WRITER: false },
  "people.manage": { ADMIN: true, EDITOR: false, WRITER: false },
  "settings.manage": { ADMIN: true, EDITOR: false, WRITER: false },
  "sitePage.edit": { ADMIN: true, EDITOR: true, WRITER: false },
  "sitePage.publish": { ADMIN: true, EDITOR: true, WRITER: false },
  "audit.view": { ADMIN: true, EDITOR: false, WRITER: false },
};

describe("permission matrix", () => {
  it("covers every permission in the table", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const permission of Object.keys(EXPECTED) as Permission[]) {
    it(`${permission}`, () => {
      for (const role of ROLES) expect(can(role, permission), role).toBe(EXPECTED[permission][role]);
      expect(can(null, permission), "anonymous").toBe(false);
      expect(can(undefined, permission), "anonymous").toBe(false);
    });
  }

  it("refuses an unknown role", () => {
    expect(can("OWNER" as Role, "article.publish")).toBe(false);
  });
});

describe("workflow transitions", () => {
  const editorMoves: Record<Status, Status[]> = {
    DRAFT: ["IN_REVIEW", "SCHEDULED", "PUBLISHED"],
    IN_REVIEW: ["DRAFT", "SCHEDULED", "PUBLISHED"],
    SCHEDULED: ["DRAFT", "PUBLISHED"],
    PUBLISHED: ["ARCHIVED"],
    ARCHIVED: ["DRAFT", "PUBLISHED"],
  };

  it("lets editors and admins move any story along the workflow", () => {
    for (const role of ["ADMIN", "EDITOR"] as const) {
      for (const from of STATUSES) {
        expect(allowedTransitions(role, from), `${role} from ${from}`).toEqual(editorMoves[from]);
        expect(allowedTransitions(role, from, { own: true }), `${role} own from ${from}`).toEqual(editorMoves[from]);
      }
    }
  });

  it("lets a writer only submit or withdraw their own draft", () => {
    expect(allowedTransitions("WRITER", "DRAFT", { own: true })).toEqual(["IN_REVIEW"]);
    expect(allowedTransitions("WRITER", "IN_REVIEW", { own: true })).toEqual(["DRAFT"]);
    for (const from of STATUSES) expect(allowedTransitions("WRITER", from, { own: false }), `others' ${from}`).toEqual([]);
    for (const from of ["SCHEDULED", "PUBLISHED", "ARCHIVED"] as const) {
      expect(allowedTransitions("WRITER", from, { own: true }), `own ${from}`).toEqual([]);
    }
    expect(canTransition("WRITER", "DRAFT", "PUBLISHED", { own: true })).toBe(false);
    expect(canTransition("WRITER", "IN_REVIEW", "SCHEDULED", { own: true })).toBe(false);
  });

  it("gives anonymous visitors no transition, and no state moves to itself", () => {
    for (const from of STATUSES) {
      expect(allowedTransitions(null, from, { own: true })).toEqual([]);
      for (const role of ROLES) expect(canTransition(role, from, from, { own: true })).toBe(false);
    }
  });
});
