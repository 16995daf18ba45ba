import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import { metrics } from "./metrics.mjs";
import { currentRequest, noteRequestUser } from "./request-context";
import { installRequestLog, routeKindOf } from "./request-log";

describe("route kinds", () => {
  it("names a handful of kinds, never the path itself", () => {
    expect(routeKindOf("GET", "/")).toBe("home");
    expect(routeKindOf("GET", "/articles/some-story")).toBe("article");
    expect(routeKindOf("GET", "/sections/world")).toBe("listing");
    expect(routeKindOf("GET", "/admin/stories")).toBe("newsroom");
    expect(routeKindOf("POST", "/admin/stories/1", { "next-action": "abc" })).toBe("action");
    expect(routeKindOf("GET", "/_next/static/chunks/x.js")).toBe("asset");
    expect(routeKindOf("GET", "/_next/image")).toBe("image");
    expect(routeKindOf("GET", "/media/abc/default.jpg")).toBe("media");
    expect(routeKindOf("GET", "/feeds/rss.xml")).toBe("feed");
    expect(routeKindOf("GET", "/sitemap.xml")).toBe("sitemap");
    expect(routeKindOf("GET", "/api/ready")).toBe("ops");
    expect(routeKindOf("POST", "/api/auth/callback/credentials")).toBe("auth");
    expect(routeKindOf("GET", "/anything-else")).toBe("page");
  });
});

describe("the request log", () => {
  const lines: string[] = [];
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split("\n").filter(Boolean));
        done();
      },
    });
    // The process's logger, as request-log.ts finds it (kept on globalThis).
    (globalThis as Record<symbol, unknown>)[Symbol.for("breakingon.logger")] = createLogger({ pretty: false, destination, level: "info" });
    installRequestLog();
    server = createServer((request, response) => {
      // What the data layer does for a signed-in user (lib/dal/session.ts), a few awaits into the request.
      void (async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (request.url?.startsWith("/admin")) noteRequestUser("user-42");
        response.statusCode = request.url === "/boom" ? 500 : 200;
        response.setHeader("x-seen-id", currentRequest()?.id ?? "none");
        response.setHeader("x-seen-header", String(request.headers["x-request-id"]));
        response.end("ok");
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const logged = async (id: string) => {
    for (let i = 0; i < 50 && !lines.some((line) => line.includes(id)); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    return JSON.parse(lines.find((line) => line.includes(id))!);
  };

  it("gives every request its own id (never the client's), visible to the code answering it and in the response", async () => {
    const response = await fetch(`${base}/articles/a?q=secret-search`, { headers: { "x-request-id": "forged", cookie: "next-auth.session-token=s3cr3t" } });
    const id = response.headers.get("x-request-id")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("x-seen-id")).toBe(id);
    expect(response.headers.get("x-seen-header")).toBe(id);
    const line = await logged(id);
    expect(line).toMatchObject({ level: "info", msg: "request", requestId: id, method: "GET", path: "/articles/a", route: "article", status: 200 });
    expect(line.durationMs).toBeGreaterThanOrEqual(4);
    expect(line.userId).toBeUndefined();
    // Neither the query string nor the cookie is logged.
    expect(lines.join("\n")).not.toContain("secret-search");
    expect(lines.join("\n")).not.toContain("s3cr3t");
  });

  it("names the signed-in user on staff requests and logs failures as errors", async () => {
    const staff = await fetch(`${base}/admin/stories`);
    expect(await logged(staff.headers.get("x-request-id")!)).toMatchObject({ route: "newsroom", userId: "user-42" });
    const failed = await fetch(`${base}/boom`);
    expect(await logged(failed.headers.get("x-request-id")!)).toMatchObject({ level: "error", status: 500 });
  });

  it("counts each request by kind and status, with its duration", async () => {
    const before = (await metrics().httpRequests.get()).values.find((v) => v.labels.kind === "listing" && v.labels.status === "200")?.value ?? 0;
    await fetch(`${base}/tags/x`);
    await fetch(`${base}/tags/y`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = (await metrics().httpRequests.get()).values.find((v) => v.labels.kind === "listing" && v.labels.status === "200")?.value;
    expect(after).toBe(before + 2);
    const count = (await metrics().httpDuration.get()).values.find((v) => v.metricName === "breakingon_http_request_duration_seconds_count" && v.labels.kind === "listing");
    expect(count?.value).toBeGreaterThanOrEqual(2);
  });
});
