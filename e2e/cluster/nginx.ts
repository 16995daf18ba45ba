// nginx in front of the instances, as production runs it: the shipped deploy/nginx.conf rendered for the harness's
// ports and folders (scripts/lib/nginx-config.ts), run by Debian's nginx as a foreground child with everything
// (pid, logs, temp files, cache) in its own folder, on loopback.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Child, waitFor } from "./processes";
import { writeStandaloneNginx } from "../../scripts/lib/nginx-config";

export const NGINX_BIN = process.env.NGINX_BIN ?? "/usr/sbin/nginx";

export interface NginxSite {
  listenPort: number;
  /** host:port of each instance. */
  upstreams: string[];
  /** The build's static folder (served by nginx itself). */
  staticDir: string;
}

export class Nginx {
  private child: Child | null = null;
  readonly url: string;

  constructor(
    private readonly prefix: string,
    readonly site: NginxSite,
  ) {
    this.url = `http://127.0.0.1:${site.listenPort}`;
  }

  async start(): Promise<void> {
    const { args } = writeStandaloneNginx(this.prefix, {
      instances: this.site.upstreams,
      listen: `127.0.0.1:${this.site.listenPort}`,
      staticDir: this.site.staticDir,
      serverName: "127.0.0.1",
    });
    this.child = new Child("nginx", NGINX_BIN, args);
    await waitFor("nginx", async () => (await fetch(`${this.url}/robots.txt`, { signal: AbortSignal.timeout(2000) })).status < 500, 20_000, this.child);
  }

  async stop(): Promise<void> {
    await this.child?.stop("SIGQUIT", 5000);
    this.child = null;
  }

  output(): string {
    const log = path.join(this.prefix, "error.log");
    return (this.child?.output() ?? "") + (existsSync(log) ? readFileSync(log, "utf8") : "");
  }
}
