// The ops token the e2e server is started with (scripts/e2e-server.ts), so specs can read /api/metrics and the
// detail of /api/ready. Only for the throwaway e2e server.
export const E2E_OPS_TOKEN = "e2e-ops-token-0123456789abcdef0123456789";
