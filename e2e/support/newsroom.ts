import { expect, type Page } from "@playwright/test";
import { hash } from "@node-rs/argon2";
import { e2eDb } from "./site";

export type StaffRole = "ADMIN" | "EDITOR" | "WRITER";

export interface StaffAccount {
  role: StaffRole;
  name: string;
  email: string;
  password: string;
  /** Playwright storage state saved by e2e/newsroom.setup.ts after signing in. */
  storageState: string;
}

// One folder of saved sessions per e2e server (port), so parallel runs never read each other's cookies.
const AUTH_DIR = `e2e/.auth/${process.env.E2E_PORT ?? 3100}`;

export const STAFF = {
  owner: { role: "ADMIN", name: "Olivia Owner", email: "owner@breakingon.test", password: "purple elephants dance at noon", storageState: `${AUTH_DIR}/owner.json` },
  editor: { role: "EDITOR", name: "Eddie Editor", email: "editor@breakingon.test", password: "copy desk coffee never sleeps", storageState: `${AUTH_DIR}/editor.json` },
  writer: { role: "WRITER", name: "Wren Writer", email: "writer@breakingon.test", password: "notebooks full of quiet quotes", storageState: `${AUTH_DIR}/writer.json` },
} as const satisfies Record<string, StaffAccount>;

/** Signs in through the real form and waits for the newsroom. */
export async function signIn(page: Page, account: Pick<StaffAccount, "email" | "password">, code?: () => Promise<string>): Promise<void> {
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (code) {
    await page.getByLabel("Authentication code").fill(await code());
    await page.getByRole("button", { name: "Verify" }).click();
  }
  await expect(page.getByRole("navigation", { name: "Newsroom" })).toBeVisible();
}

/** Creates a staff account directly in the e2e database (for accounts the specs need beyond the owner). */
export async function createStaff(account: Pick<StaffAccount, "role" | "name" | "email" | "password">): Promise<string> {
  const db = e2eDb();
  try {
    const user = await db.user.upsert({
      where: { email: account.email },
      create: { email: account.email, name: account.name, role: account.role, passwordHash: await hash(account.password) },
      update: { role: account.role, disabled: false, passwordHash: await hash(account.password), totpSecret: null, totpEnabledAt: null, totpLastStep: null, recoveryCodes: { deleteMany: {} } },
      select: { id: true },
    });
    return user.id;
  } finally {
    await db.$disconnect();
  }
}

/** Clears login throttling counters, so one spec's failed sign-ins do not slow the next. */
export async function resetThrottling(): Promise<void> {
  const db = e2eDb();
  try {
    await db.rateLimiterFlexible.deleteMany();
  } finally {
    await db.$disconnect();
  }
}
