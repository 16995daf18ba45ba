// What `npm start` says once the server answers: where the site and the newsroom are.

/** The address to show for a listening host: a wildcard host is reached as localhost; IPv6 goes in brackets. */
export function displayHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "") return "localhost";
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}

/** "BreakingOn is up: site http://127.0.0.1:3000/, newsroom http://127.0.0.1:3000/admin" */
export function startLine(host: string, port: number): string {
  const origin = `http://${displayHost(host)}:${port}`;
  return `BreakingOn is up: site ${origin}/, newsroom ${origin}/admin`;
}

/**
 * Resolves once the server answers any HTTP request at `url` (polling every `everyMs`), or false when `stop` says so
 * first (the server exited). Used only to print the start line at the right moment.
 */
export async function waitUntilAnswering(url: string, { everyMs = 500, stop = () => false }: { everyMs?: number; stop?: () => boolean } = {}): Promise<boolean> {
  while (!stop()) {
    try {
      await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5000) });
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  }
  return false;
}
