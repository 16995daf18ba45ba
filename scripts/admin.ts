// `npm run admin -- --email you@example.com [--name "Your Name"]`: creates an ADMIN, or resets a locked-out
// account's password (making it an enabled ADMIN and signing it out everywhere). The password is read from
// standard input (typed at the prompt without echo, or piped), never from the command line, where it would land in
// the shell history.
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { newAccountSchema } from "../lib/validation/users";
import { createOrResetAdmin } from "../lib/dal/users";
import { getDb } from "../lib/db";
import { exitWithError } from "./lib/run";

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let input = "";
    for await (const chunk of process.stdin) input += chunk;
    return input.replace(/\r?\n$/, "");
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: the prompt is written once, keystrokes are not echoed.
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  output._writeToOutput = (s: string) => {
    if (s.startsWith("New password")) process.stdout.write(s);
  };
  const answer = await new Promise<string>((resolve) => rl.question("New password (12+ characters): ", resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  if (!values.email) throw new Error('usage: npm run admin -- --email you@example.com [--name "Your Name"]');
  const password = await readPassword();
  const parsed = newAccountSchema.safeParse({ email: values.email, name: values.name ?? values.email.split("@")[0], password });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  try {
    const { user, created } = await createOrResetAdmin(parsed.data);
    console.log(`${created ? "Created" : "Reset"} admin ${user.email}${created ? "" : "; every session of this account has ended"}.`);
  } finally {
    await getDb().$disconnect();
  }
}

main().catch((error) => exitWithError("npm run admin", error));
