// nginx in front of the instances, as production runs it: the shipped deploy/nginx.conf rendered for the harness's
// ports (scripts/lib/nginx-config.ts), run by Debian's nginx as a foreground child with its own prefix, pid file and
// temp folders on loopback.
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Child, waitFor } from "./processes";

export const NGINX_BIN = process.env.NGINX_BIN ?? "/usr/sbin/nginx";

export interface NginxSite {
  listenPort: number;
  upstreams: string[];
  /** Where the build's static files are (served by nginx itself). */
  staticDir: string;
}

type Renderer = (options: Record<string, unknown>) => string;

/** The project's renderer for deploy/nginx.conf, when it exists. */
async function projectRenderer(appDir: string): Promise<Renderer | null> {
  const file = path.join(appDir, "scripts/lib/nginx-config.ts");
  if (!existsSync(file)) return null;
  const loaded = (await import(file)) as Record<string, unknown>;
  const render = loaded.renderNginxConfig ?? loaded.renderNginxConf ?? loaded.nginxConfig;
  return typeof render === "function" ? (render as Renderer) : null;
}

/**
 * The harness's own rendering, used only until the project ships deploy/nginx.conf and its renderer: the same
 * essentials (load balancing, a one-second micro-cache with a lock and stale-while-updating, no caching of
 * /admin, /api or signed-in responses, the client address appended to X-Forwarded-For).
 */
function fallbackConfig(site: NginxSite, prefix: string): string {
  return `
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log stderr warn;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${prefix}/tmp/body;
  proxy_temp_path ${prefix}/tmp/proxy;
  fastcgi_temp_path ${prefix}/tmp/fastcgi;
  uwsgi_temp_path ${prefix}/tmp/uwsgi;
  scgi_temp_path ${prefix}/tmp/scgi;
  proxy_cache_path ${prefix}/cache levels=1:2 keys_zone=pages:10m max_size=100m inactive=10m use_temp_path=off;
  client_max_body_size 11m;
  upstream breakingon { ${site.upstreams.map((u) => `server ${u} max_fails=0;`).join(" ")} keepalive 16; }
  map $http_cookie $signed_in { default 0; "~*next-auth\\.session-token" 1; }
  server {
    listen 127.0.0.1:${site.listenPort};
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_next_upstream error timeout http_502 http_503;
    location /_next/static/ { alias ${site.staticDir}/; expires 1y; add_header Cache-Control "public, max-age=31536000, immutable"; }
    location ~ ^/(admin|api)(/|$) { proxy_pass http://breakingon; }
    location / {
      proxy_pass http://breakingon;
      proxy_cache pages;
      proxy_cache_valid 200 301 302 308 404 1s;
      proxy_cache_lock on;
      proxy_cache_use_stale updating error timeout http_502 http_503;
      proxy_cache_background_update on;
      proxy_cache_bypass $signed_in $http_next_action $http_rsc;
      proxy_no_cache $signed_in $http_next_action $http_rsc;
    }
  }
}
`;
}

export class Nginx {
  private child: Child | null = null;
  readonly url: string;
  /** Which configuration is running: the project's deploy/nginx.conf or the harness's fallback. */
  source = "";

  constructor(
    private readonly prefix: string,
    readonly site: NginxSite,
  ) {
    this.url = `http://127.0.0.1:${site.listenPort}`;
  }

  async start(appDir: string): Promise<void> {
    for (const dir of ["tmp", "cache", "logs", "conf"]) mkdirSync(path.join(this.prefix, dir), { recursive: true });
    // Workers run as an unprivileged account when nginx starts as root: they must write the temp and cache folders.
    for (const dir of ["tmp", "cache", "logs"]) chmodSync(path.join(this.prefix, dir), 0o777);
    const render = await projectRenderer(appDir);
    let config: string;
    if (render) {
      config = render({ ...this.site, prefix: this.prefix, port: this.site.listenPort, foreground: true });
      this.source = "deploy/nginx.conf (scripts/lib/nginx-config.ts)";
    } else {
      config = fallbackConfig(this.site, this.prefix);
      this.source = "the harness's fallback (scripts/lib/nginx-config.ts is not there yet)";
    }
    const file = path.join(this.prefix, "conf", "nginx.conf");
    writeFileSync(file, config);
    this.child = new Child("nginx", NGINX_BIN, ["-p", this.prefix, "-c", file, ...(/^\s*daemon\s+off\s*;/m.test(config) ? [] : ["-g", "daemon off;"])]);
    await waitFor("nginx", async () => (await fetch(`${this.url}/robots.txt`, { signal: AbortSignal.timeout(2000) })).status < 500, 20_000, this.child);
  }

  async stop(): Promise<void> {
    await this.child?.stop("SIGQUIT", 5000);
    this.child = null;
  }

  output(): string {
    return this.child?.output() ?? "";
  }
}
