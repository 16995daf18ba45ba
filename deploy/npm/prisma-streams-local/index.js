// Loaded only by `prisma dev`, which needs Node.js 22; see package.json here and the root package.json overrides.
export async function startLocalDurableStreamsServer() {
  throw new Error("`prisma dev` needs Node.js 22: BreakingOn (Node 20) replaces its streams server, @prisma/streams-local, with a stand-in");
}
