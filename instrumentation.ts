// Runs once when the server starts. Node-only start-up work lives in lib/server-start.ts, imported only on the
// Node.js runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/server-start");
}
