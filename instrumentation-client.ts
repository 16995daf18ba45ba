import { makeZodJitless } from "@/lib/security/zod-jitless";

// Runs before any client component: the newsroom's forms parse with zod, which must not probe for eval under our CSP.
// Reader pages use no zod, so this sets zod's shared setting without importing zod (lib/security/zod-jitless.ts).
makeZodJitless();
