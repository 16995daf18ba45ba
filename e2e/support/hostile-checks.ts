// Checks the hostile-input specs (e2e/hostile-*.spec.ts) share: strict XML parsing with libxml2, "did any script
// run or any live markup reach the DOM" in Chromium, and replaying a server action the newsroom UI sent, with
// other arguments, as the same signed-in user.
import { expect, type APIRequestContext, type Page, type Request } from "@playwright/test";
import { xmlProblem } from "../../lib/testing/xml-strict";

/** Fetches an XML document and reports its status and strict well-formedness. */
export async function fetchStrictXml(request: APIRequestContext, path: string): Promise<{ status: number; problem: string | null; text: string }> {
  const response = await request.get(path);
  const text = await response.text();
  return { status: response.status(), problem: response.status() === 200 ? xmlProblem(text) : null, text };
}

/** What a payload left behind after a page loaded: `window.__pwned`, dialogs, live handlers, script URLs. */
export interface ScriptEvidence {
  status: number;
  pwned: boolean;
  dialogs: string[];
  liveMarkup: string[];
}

/**
 * Visits a page and reports any sign that injected script ran or could run: `window.__pwned` set, a dialog opened,
 * an element carrying an inline event handler, a script/`javascript:` URL, or an inline script other than the
 * framework's own (Next's flight data and JSON-LD carry the payload as data, which is fine).
 */
export async function visitForScript(page: Page, path: string): Promise<ScriptEvidence> {
  const dialogs: string[] = [];
  const onDialog = (dialog: import("@playwright/test").Dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  };
  page.on("dialog", onDialog);
  try {
    const response = await page.goto(path, { waitUntil: "load" });
    // Handlers such as onerror/onload fire right after load; give them a moment.
    await page.waitForTimeout(50);
    const found = await page.evaluate(() => {
      const live: string[] = [];
      const urlAttributes = /^(href|src|action|formaction|xlink:href|data|poster|background|srcdoc)$/i;
      for (const element of Array.from(document.querySelectorAll("*"))) {
        for (const attribute of Array.from(element.attributes)) {
          if (/^on/i.test(attribute.name)) live.push(`<${element.tagName.toLowerCase()} ${attribute.name}="${attribute.value.slice(0, 60)}">`);
          // React puts this guard on forms whose action is a function, so a submit before hydration throws.
          else if (attribute.value.startsWith("javascript:throw new Error('React form unexpectedly submitted")) continue;
          else if (urlAttributes.test(attribute.name) && /^\s*(javascript|vbscript|livescript|data:text\/html)/i.test(attribute.value.replace(/[\u0000-\u0020]/g, "")))
            live.push(`<${element.tagName.toLowerCase()} ${attribute.name}="${attribute.value.slice(0, 60)}">`);
        }
      }
      for (const script of Array.from(document.scripts)) {
        const type = (script.type || "text/javascript").toLowerCase();
        if (type === "application/ld+json" || type === "application/json") continue;
        const text = script.textContent ?? "";
        if (/^\s*\(?self\.__next_f/.test(text)) continue;
        if (/__pwned|alert\(|msgbox/.test(text) || (script.src && /evil\.test|javascript:/.test(script.src))) live.push(`<script>${text.slice(0, 60)}`);
      }
      for (const frame of Array.from(document.querySelectorAll("iframe, object, embed, base"))) live.push(`<${frame.tagName.toLowerCase()}>`);
      return { pwned: (window as unknown as { __pwned?: unknown }).__pwned === true, live };
    });
    return { status: response?.status() ?? 0, pwned: found.pwned, dialogs, liveMarkup: found.live };
  } finally {
    page.off("dialog", onDialog);
  }
}

/** Soft-asserts that a visit showed no 5xx and no sign of script; `label` names the input(s) behind the page. */
export function expectNoScript(evidence: ScriptEvidence, label: string): void {
  expect.soft(evidence.status, `${label}: status`).toBeLessThan(500);
  expect.soft(evidence.pwned, `${label}: window.__pwned was set (injected script ran)`).toBe(false);
  expect.soft(evidence.dialogs, `${label}: a dialog opened`).toEqual([]);
  expect.soft(evidence.liveMarkup, `${label}: live markup reached the page`).toEqual([]);
}

/** A server action request the UI sent, to send again with other arguments. */
export interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  args: unknown[];
}

/** Waits for the next server-action POST whose body matches, while `trigger` runs. */
export async function captureAction(page: Page, matches: (body: string) => boolean, trigger: () => Promise<void>): Promise<CapturedAction> {
  const seen = page.waitForRequest((r: Request) => r.method() === "POST" && !!r.headers()["next-action"] && matches(r.postData() ?? ""), { timeout: 20_000 });
  await trigger();
  const request = await seen;
  const headers = Object.fromEntries(
    Object.entries(await request.allHeaders()).filter(([name]) => !/^(cookie|content-length|host|connection|accept-encoding)$/i.test(name) && !name.startsWith(":")),
  );
  return { url: request.url(), headers, args: JSON.parse(request.postData() ?? "[]") as unknown[] };
}

/** React's reply encoding for plain JSON arguments: a string that starts with "$" is sent as "$$…". */
export function encodeReply(args: unknown[]): string {
  return JSON.stringify(args, (_key, value: unknown) => (typeof value === "string" && value.startsWith("$") ? `$${value}` : value));
}

export interface ActionAnswer {
  status: number;
  text: string;
  ok: boolean;
  failedUnexpectedly: boolean;
}

/** Sends a captured action again (same user, same headers) with new arguments. */
export async function replayAction(request: APIRequestContext, action: CapturedAction, args: unknown[]): Promise<ActionAnswer> {
  const response = await request.post(action.url, { headers: action.headers, data: encodeReply(args), maxRedirects: 0, timeout: 120_000 }).catch((error: Error) => error);
  if (response instanceof Error) return { status: 0, text: `no answer: ${response.message.split("\n")[0]}`, ok: false, failedUnexpectedly: true };
  const text = await response.text();
  return {
    status: response.status(),
    text,
    ok: /"ok":true/.test(text),
    failedUnexpectedly: response.status() >= 500 || /something went wrong/i.test(text),
  };
}

/** Runs `work` over `items`, at most `limit` at a time, keeping order. */
export async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!, index);
      }
    }),
  );
  return results;
}

/** A form-based server action request (multipart), to send again with other field values. */
export interface CapturedForm {
  url: string;
  headers: Record<string, string>;
  parts: { name: string; value: string; filename?: string }[];
}

/**
 * Waits for the next multipart server-action POST while `trigger` runs, and splits it into its parts. Chromium does
 * not expose a body that carries a file: then `parts` is empty and the caller supplies them.
 */
export async function captureForm(page: Page, matches: (body: string, request: Request) => boolean, trigger: () => Promise<void>): Promise<CapturedForm> {
  const seen = page.waitForRequest((r: Request) => r.method() === "POST" && !!r.headers()["next-action"] && matches(r.postDataBuffer()?.toString("latin1") ?? "", r), { timeout: 20_000 });
  await trigger();
  const request = await seen;
  const all = await request.allHeaders();
  const boundary = /boundary=([^;]+)/.exec(all["content-type"] ?? "")?.[1];
  if (!boundary) throw new Error(`not a multipart action: ${all["content-type"]}`);
  const body = request.postDataBuffer()?.toString("utf8") ?? "";
  const parts = body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => {
      const [head, ...rest] = chunk.replace(/^\r\n/, "").split("\r\n\r\n");
      const name = /name="([^"]*)"/.exec(head!)?.[1] ?? "";
      const filename = /filename="([^"]*)"/.exec(head!)?.[1];
      return { name, value: rest.join("\r\n\r\n").replace(/\r\n$/, ""), ...(filename !== undefined && { filename }) };
    });
  const headers = Object.fromEntries(
    Object.entries(all).filter(([name]) => !/^(cookie|content-length|content-type|host|connection|accept-encoding)$/i.test(name) && !name.startsWith(":")),
  );
  return { url: request.url(), headers, parts };
}

export type FormValue = string | { name: string; mimeType: string; buffer: Buffer };

/** Sends a captured form again; a part whose name is `key` or ends in `_key` takes `values[key]`. */
export async function replayForm(request: APIRequestContext, form: CapturedForm, values: Record<string, FormValue>): Promise<ActionAnswer> {
  const data = new FormData();
  const used = new Set<string>();
  for (const part of form.parts) {
    const key = Object.keys(values).find((k) => part.name === k || part.name.endsWith(`_${k}`));
    const value = key === undefined ? undefined : values[key];
    if (key) used.add(key);
    if (value === undefined) {
      if (part.filename !== undefined) data.append(part.name, new Blob([part.value]), part.filename);
      else data.append(part.name, part.value);
    } else if (typeof value === "string") data.append(part.name, value);
    else data.append(part.name, new Blob([new Uint8Array(value.buffer)], { type: value.mimeType }), value.name);
  }
  const missing = Object.keys(values).filter((k) => !used.has(k));
  if (missing.length) throw new Error(`the captured form has no field ${missing.join(", ")}: ${form.parts.map((p) => p.name).join(", ")}`);
  const response = await request.post(form.url, { headers: form.headers, multipart: data, maxRedirects: 0, timeout: 120_000 }).catch((error: Error) => error);
  if (response instanceof Error) return { status: 0, text: `no answer: ${response.message.split("\n")[0]}`, ok: false, failedUnexpectedly: true };
  const text = await response.text();
  return { status: response.status(), text, ok: /"ok":true/.test(text), failedUnexpectedly: response.status() >= 500 || /something went wrong/i.test(text) };
}
