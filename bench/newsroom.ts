// What the benchmarks do as an editor: sign in through next-auth's credentials endpoint, and call a newsroom server
// action the way the editor's button does (same id, same encoding, same session cookie), on any instance.
import { readFileSync } from "node:fs";
import path from "node:path";

export const EDITOR = { email: "bench-editor@breakingon.test", password: "bench pages load while diffs run", name: "Bench Editor" };

/** Signs the editor in on `base`; returns the Cookie header for later requests (valid on every instance). */
export async function signIn(base: string, editor = EDITOR): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(), origin: base },
    body: new URLSearchParams({ csrfToken, email: editor.email, password: editor.password, callbackUrl: `${base}/admin`, json: "true" }),
  });
  keep(response);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (${response.status})`);
  return header();
}

/** The id Next gave a server action in the build in `distDir`. */
export function actionId(distDir: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${exportedName} in the build in ${distDir}`);
  return found[0];
}

/** Posts a server action to `base` + `page` and returns the action's `{ ok, … }` answer. */
export async function callAction(base: string, page: string, id: string, input: unknown, cookie: string): Promise<{ ok: boolean; message?: string; data?: Record<string, unknown> }> {
  const response = await fetch(`${base}${page}`, {
    method: "POST",
    redirect: "manual",
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: base, cookie },
    body: JSON.stringify([input]),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`action on ${base}${page} answered ${response.status}: ${text.slice(0, 200)}`);
  for (const line of text.split("\n")) {
    const json = line.slice(line.indexOf(":") + 1);
    if (!json.startsWith("{")) continue;
    const value = JSON.parse(json) as Record<string, unknown>;
    if (typeof value.ok === "boolean") return value as { ok: boolean; message?: string; data?: Record<string, unknown> };
  }
  throw new Error(`action on ${base}${page} answered without a result: ${text.slice(0, 200)}`);
}
