// Generates both engines' Prisma clients (lib/generated/sqlite and lib/generated/postgresql), so one build of the
// app can serve either database. Runs after `npm install`.
import { generateClients } from "./lib/prepare";
import { exitWithError } from "./lib/run";

generateClients(process.env).catch((error) => exitWithError("prisma generate", error));
