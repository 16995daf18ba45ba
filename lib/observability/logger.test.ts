import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, wantsPretty } from "./logger";

/** A logger writing into an array of lines. */
function capture(pretty = false) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger({ pretty, destination, level: "debug" }), lines };
}

describe("logger", () => {
  it("writes one JSON object per line with an ISO time, a level name and the fields given", () => {
    const { log, lines } = capture();
    log.info({ requestId: "r-1", route: "article", status: 200, durationMs: 12.5, userId: "u1" }, "request");
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({ level: "info", msg: "request", requestId: "r-1", route: "article", status: 200, durationMs: 12.5, userId: "u1", service: "breakingon" });
    expect(new Date(line.time).toISOString()).toBe(line.time);
  });

  it("never writes passwords, tokens, cookies or authorization headers, at any of the first three levels", () => {
    const { log, lines } = capture();
    log.info(
      {
        password: "hunter2-top",
        token: "tok-top-secret",
        user: { email: "a@example.com", newPassword: "hunter2-nested", sessionToken: "sess-nested" },
        req: { headers: { cookie: "next-auth.session-token=cookie-secret", authorization: "Bearer bearer-secret", "x-ops-token": "ops-secret", accept: "text/html" } },
        res: { headers: { "set-cookie": "next-auth.session-token=set-cookie-secret" } },
        form: { totpCode: "123456", secret: "totp-secret" },
      },
      "sign-in",
    );
    const text = lines.join("");
    for (const secret of ["hunter2", "tok-top-secret", "sess-nested", "cookie-secret", "bearer-secret", "ops-secret", "set-cookie-secret", "123456", "totp-secret"]) {
      expect(text, secret).not.toContain(secret);
    }
    const line = JSON.parse(lines[0]);
    expect(line.password).toBe("[redacted]");
    expect(line.req.headers.cookie).toBe("[redacted]");
    expect(line.req.headers.authorization).toBe("[redacted]");
    expect(line.res.headers["set-cookie"]).toBe("[redacted]");
    // What is not secret stays readable.
    expect(line.user.email).toBe("a@example.com");
    expect(line.req.headers.accept).toBe("text/html");
  });

  it("keeps redacting in the readable development format", () => {
    const { log, lines } = capture(true);
    log.info({ requestId: "r-2", password: "pretty-secret", req: { headers: { authorization: "Bearer pretty-bearer" } } }, "request");
    const text = lines.join("");
    expect(text).toContain("request");
    expect(text).toContain("r-2");
    expect(text).not.toContain("pretty-secret");
    expect(text).not.toContain("pretty-bearer");
    // Not JSON: one readable line with the level and message first.
    expect(() => JSON.parse(lines[0])).toThrow();
    expect(text).toMatch(/INFO.*request/);
  });

  it("is readable in development or with LOG_FORMAT=pretty, JSON otherwise", () => {
    expect(wantsPretty({ NODE_ENV: "production" })).toBe(false);
    expect(wantsPretty({ NODE_ENV: "development" })).toBe(true);
    expect(wantsPretty({ NODE_ENV: "production", LOG_FORMAT: "pretty" })).toBe(true);
    expect(wantsPretty({ NODE_ENV: "development", LOG_FORMAT: "json" })).toBe(false);
  });
});
