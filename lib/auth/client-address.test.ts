import { createServer, request as httpRequest, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, PEER_HEADER, PEER_STAMP_INSTALLED } from "./client-address";
import { stampPeerAddresses, stampRequest } from "./peer-address";

/** The headers a request ends up with once the server stamped it, as Next.js hands them on. */
function stamped(sent: string | undefined, socket: string): Headers {
  const request = { headers: sent === undefined ? {} : { "x-forwarded-for": sent } } as Parameters<typeof stampRequest>[0];
  stampRequest(request, socket);
  return new Headers(request.headers as Record<string, string>);
}

describe("clientAddress", () => {
  it.each([
    // [what the client sent, socket address, hops, expected]
    [undefined, "203.0.113.5", 0, "203.0.113.5"],
    ["198.51.100.1", "203.0.113.5", 0, "203.0.113.5"],
    ["1.1.1.1, 2.2.2.2, 3.3.3.3", "203.0.113.5", 0, "203.0.113.5"],
    ["garbage, <script>", "::ffff:203.0.113.5", 0, "203.0.113.5"],
    // Behind one proxy (nginx appends what it saw): the entry before the socket's.
    ["198.51.100.1", "127.0.0.1", 1, "198.51.100.1"],
    ["6.6.6.6, 198.51.100.1", "127.0.0.1", 1, "198.51.100.1"],
    // Two proxies: a CDN, then nginx.
    ["6.6.6.6, 198.51.100.1, 10.0.0.2", "127.0.0.1", 2, "198.51.100.1"],
    // Fewer entries than hops (reached without the proxies): the first, which no client wrote.
    [undefined, "203.0.113.5", 1, "203.0.113.5"],
    ["2001:db8::1", "::1", 1, "2001:db8::1"],
  ])("sent %j over %s with %i hops reads %s", (sent, socket, hops, expected) => {
    expect(clientAddress(stamped(sent, socket), hops)).toBe(expected);
  });

  it("ignores a peer header the client sent itself: the stamp replaces it", () => {
    const request = { headers: { [PEER_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" } } as Parameters<typeof stampRequest>[0];
    stampRequest(request, "203.0.113.5");
    expect(clientAddress(request.headers as Record<string, string>, 0)).toBe("203.0.113.5");
  });

  it("reads plain header records too (next-auth hands authorize one)", () => {
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6, 203.0.113.5", [PEER_HEADER]: "203.0.113.5" }, 0)).toBe("203.0.113.5");
    expect(clientAddress(undefined, 0)).toBe("unknown");
  });
});

describe("the stamp on a real server", () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    stampPeerAddresses();
    server = createServer((req, res) => res.end(JSON.stringify({ hops0: clientAddress(req.headers, 0), hops1: clientAddress(req.headers, 1) })));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    delete (globalThis as Record<symbol, unknown>)[PEER_STAMP_INSTALLED];
  });

  const ask = (headers: Record<string, string>) =>
    new Promise<{ hops0: string; hops1: string }>((resolve, reject) => {
      httpRequest({ port, host: "127.0.0.1", headers }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve(JSON.parse(body)));
      })
        .on("error", reject)
        .end();
    });

  it("gives a client rotating X-Forwarded-For one address with no trusted proxy", async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => ask({ "X-Forwarded-For": `198.51.100.${i}`, [PEER_HEADER]: `6.6.6.${i}` })));
    expect(new Set(answers.map((answer) => answer.hops0))).toEqual(new Set(["127.0.0.1"]));
    // Trusting one proxy that is not there would hand the choice to the client: why the default is 0.
    expect(answers.map((answer) => answer.hops1)).toEqual(Array.from({ length: 10 }, (_, i) => `198.51.100.${i}`));
  });

  it("reads a request that arrived before the stamp as unknown, not as what it claims", () => {
    expect(clientAddress({ "x-forwarded-for": "198.51.100.9" }, 0)).toBe("unknown");
  });
});
