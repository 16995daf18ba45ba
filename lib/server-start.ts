// Server start-up on the Node.js runtime: configuration is validated here, so a bad setting stops the server with
// one clear line instead of failing on the first request.
try {
  await import("./env");
} catch (error) {
  console.error(`BreakingOn cannot start: ${(error as Error).message}`);
  process.exit(1);
}

export {};
