// Who may do what in the newsroom: the one statement of the permission matrix and the workflow's transitions.
// The server-only data layer enforces it on every write and every read of unpublished content; the UI only uses it
// to hide what would be refused anyway. Ownership ("a writer's own draft") is applied as a query filter by the
// data layer; here it is an input.

export type Role = "ADMIN" | "EDITOR" | "WRITER";
export type Status = "DRAFT" | "IN_REVIEW" | "SCHEDULED" | "PUBLISHED" | "ARCHIVED";

export const ROLES: readonly Role[] = ["ADMIN", "EDITOR", "WRITER"];
export const STATUSES: readonly Status[] = ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"];

const EVERYONE: readonly Role[] = ROLES;
const EDITORS: readonly Role[] = ["ADMIN", "EDITOR"];
const ADMINS: readonly Role[] = ["ADMIN"];

export const PERMISSIONS = {
  "newsroom.enter": EVERYONE,
  "article.create": EVERYONE,
  /** Writers: only their own drafts (the data layer adds the ownership filter). */
  "article.editOwnDraft": EVERYONE,
  "article.editAny": EDITORS,
  "article.viewAny": EDITORS,
  "article.submitForReview": EVERYONE,
  "article.publish": EDITORS,
  "article.schedule": EDITORS,
  "article.unpublish": EDITORS,
  "article.setBreaking": EDITORS,
  "article.setLead": EDITORS,
  "article.addCorrection": EDITORS,
  "article.restoreRevision": EDITORS,
  "article.delete": ADMINS,
  /** Live coverage entries: writers only on coverage they are bylined on (the data layer adds the filter), their own entries. */
  "live.postOwn": EVERYONE,
  "live.postAny": EDITORS,
  /** Start and end a live coverage. */
  "live.manageCoverage": EDITORS,
  "review.queue": EDITORS,
  "tag.createInline": EVERYONE,
  "media.upload": EVERYONE,
  "taxonomy.manage": ADMINS,
  "people.manage": ADMINS,
  "settings.manage": ADMINS,
  /** Site pages (About, Contact, the policies, ...): edit drafts, see their history, publish and unpublish. */
  "sitePage.edit": EDITORS,
  "sitePage.publish": EDITORS,
  "audit.view": ADMINS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether a signed-in user with this role (or an anonymous visitor, null) holds the permission. */
export function can(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

type Transition = { from: Status; to: Status; roles: readonly Role[]; ownOnly?: boolean };

// DRAFT → IN_REVIEW → SCHEDULED or PUBLISHED → ARCHIVED (unpublished), and the ways back.
const TRANSITIONS: readonly Transition[] = [
  { from: "DRAFT", to: "IN_REVIEW", roles: EVERYONE, ownOnly: true },
  { from: "IN_REVIEW", to: "DRAFT", roles: EVERYONE, ownOnly: true },
  { from: "DRAFT", to: "PUBLISHED", roles: EDITORS },
  { from: "DRAFT", to: "SCHEDULED", roles: EDITORS },
  { from: "IN_REVIEW", to: "PUBLISHED", roles: EDITORS },
  { from: "IN_REVIEW", to: "SCHEDULED", roles: EDITORS },
  { from: "SCHEDULED", to: "PUBLISHED", roles: EDITORS },
  { from: "SCHEDULED", to: "DRAFT", roles: EDITORS },
  { from: "PUBLISHED", to: "ARCHIVED", roles: EDITORS },
  { from: "ARCHIVED", to: "PUBLISHED", roles: EDITORS },
  { from: "ARCHIVED", to: "DRAFT", roles: EDITORS },
];

/**
 * Whether this role may move a story from one state to another. `own` says whether the story is the user's own;
 * writers may only submit or withdraw their own drafts, editors and admins may move anyone's.
 */
export function canTransition(role: Role | null | undefined, from: Status, to: Status, { own = false } = {}): boolean {
  if (!role) return false;
  return TRANSITIONS.some(
    (t) => t.from === from && t.to === to && t.roles.includes(role) && (!t.ownOnly || own || EDITORS.includes(role)),
  );
}

/** The states this role may move a story to from its current state. */
export function allowedTransitions(role: Role | null | undefined, from: Status, options: { own?: boolean } = {}): Status[] {
  return STATUSES.filter((to) => canTransition(role, from, to, options));
}
