// The release identity `npm test` builds once and every test serves: the start test's two instances
// (scripts/start-instances.test.ts), the Playwright lanes and the cluster test. A fixed test value, not a secret:
// the same key on every run keeps a kept build current, and the DEPLOYMENT_ID is derived from the sources.
import { createHash } from "node:crypto";

export const TEST_ACTIONS_KEY = createHash("sha256").update("breakingon start test key (not a secret)").digest("base64");
