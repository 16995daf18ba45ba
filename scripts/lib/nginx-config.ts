// deploy/nginx.conf with other ports and folders, for tests (and anyone scripting a deployment): one way to do it.
// The shipped file stays the source; only its marked lines are rewritten, so a test of the rendered file is a test
// of the shipped one.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";

export const NGINX_TEMPLATE = path.join(import.meta.dirname, "..", "..", "deploy", "nginx.conf");

export interface NginxSite {
  /** host:port of each instance, e.g. ["127.0.0.1:4401", "127.0.0.1:4402"]. */
  instances: string[];
  /** What nginx listens on, e.g. "127.0.0.1:4400". */
  listen: string;
  /** The build's static folder (NEXT_DIST_DIR/static), served at /_next/static/. */
  staticDir: string;
  /** Where nginx keeps its cache. */
  cacheDir: string;
  /** The unix socket of the internal stamping server (default: beside the cache folder). */
  stampSocket?: string;
  serverName?: string;
}

/** Sets the first value on every line marked `# @marker`. */
function replaceMarked(text: string, marker: string, value: string): string {
  const line = new RegExp(`^(\\s*[^#\\s]\\S*\\s+)([^\\s;]+)(.*#\\s*@${marker}\\b.*)$`, "gm");
  if (!line.test(text)) throw new Error(`deploy/nginx.conf has no line marked @${marker}`);
  return text.replace(line, (_all, head: string, _old: string, tail: string) => `${head}${value}${tail}`);
}

/** The site configuration (http context) for these instances and folders. */
export function renderNginxSite(site: NginxSite, template = readFileSync(NGINX_TEMPLATE, "utf8")): string {
  if (site.instances.length === 0) throw new Error("nginx needs at least one instance");
  const block = /^(\s*)# BEGIN instances\n([\s\S]*?)^\s*# END instances$/m;
  const match = block.exec(template);
  if (!match) throw new Error("deploy/nginx.conf has no BEGIN/END instances block");
  const [indent, lines] = [match[1], match[2]];
  // Keep the template's per-server parameters (max_fails, fail_timeout).
  const parameters = /server\s+\S+?((?:\s+[^;\s]+)*);/.exec(lines)?.[1] ?? "";
  const servers = site.instances.map((address) => `${indent}server ${address}${parameters};\n`).join("");
  let text = template.replace(block, `${indent}# BEGIN instances\n${servers}${indent}# END instances`);
  text = replaceMarked(text, "listen", site.listen);
  text = replaceMarked(text, "server-name", site.serverName ?? "localhost");
  text = replaceMarked(text, "static-dir", path.resolve(site.staticDir) + "/");
  text = replaceMarked(text, "cache-dir", path.resolve(site.cacheDir));
  const socket = site.stampSocket ?? `${path.resolve(site.cacheDir)}.sock`;
  text = replaceMarked(text, "stamp-socket", `unix:${socket}`);
  return text;
}

/** The nginx binary (Debian's /usr/sbin/nginx, or one on PATH), or null. */
export function nginxBinary(): string | null {
  if (existsSync("/usr/sbin/nginx")) return "/usr/sbin/nginx";
  const which = spawnSync("which", ["nginx"], { encoding: "utf8" });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

/**
 * A complete nginx configuration running the site in the foreground with everything (pid, logs, temp files, cache)
 * inside `dir`, as an unprivileged test or CI job needs. Writes it and returns the file and the command to run it.
 */
export function writeStandaloneNginx(dir: string, site: Omit<NginxSite, "cacheDir"> & { cacheDir?: string }) {
  mkdirSync(dir, { recursive: true });
  const cacheDir = site.cacheDir ?? path.join(dir, "cache");
  const temp = (name: string) => path.join(dir, `${name}_temp`);
  const mimeTypes = ["/etc/nginx/mime.types", "/usr/local/nginx/conf/mime.types"].find((file) => existsSync(file));
  const config = [
    "daemon off;",
    "worker_processes 1;",
    // Started as root, workers would switch to nobody, who cannot read a private temp folder.
    process.getuid?.() === 0 ? "user root;" : "",
    `pid ${path.join(dir, "nginx.pid")};`,
    `error_log ${path.join(dir, "error.log")} warn;`,
    "events { worker_connections 1024; }",
    "http {",
    mimeTypes ? `  include ${mimeTypes};` : "  types { text/css css; application/javascript js; }",
    "  default_type application/octet-stream;",
    `  access_log ${path.join(dir, "access.log")};`,
    `  client_body_temp_path ${temp("client_body")};`,
    `  proxy_temp_path ${temp("proxy")};`,
    `  fastcgi_temp_path ${temp("fastcgi")};`,
    `  uwsgi_temp_path ${temp("uwsgi")};`,
    `  scgi_temp_path ${temp("scgi")};`,
    renderNginxSite({ ...site, cacheDir }),
    "}",
    "",
  ].join("\n");
  const file = path.join(dir, "nginx.conf");
  writeFileSync(file, config);
  return { file, args: ["-p", dir, "-c", file] };
}
