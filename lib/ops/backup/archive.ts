// The archive itself: a gzipped tar (readable with any `tar xzf`) whose first entry is manifest.json. Writing goes to
// a `.partial` file renamed when complete, so a crash never leaves something that looks like a backup. Reading
// checks every entry against the manifest (name, size, sha256) while unpacking into a scratch folder, so a
// truncated, damaged or altered archive is refused before the restore writes anything anywhere else.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import * as tar from "tar-stream";
import { BackupError, MANIFEST_FILE, parseManifest, type Manifest } from "./manifest";

/** Packs `files` (paths relative to `dir`, the manifest first) into `archive`. */
export async function writeArchive(archive: string, dir: string, files: string[]): Promise<void> {
  const partial = `${archive}.partial`;
  const pack = tar.pack();
  const output = pipeline(pack, createGzip({ level: 6 }), createWriteStream(partial, { flags: "wx" }));
  try {
    for (const name of files) {
      const file = path.join(dir, name);
      const { size } = await stat(file);
      await new Promise<void>((resolve, reject) => {
        const entry = pack.entry({ name, size, mode: 0o600, mtime: new Date() }, (error) => (error ? reject(error) : resolve()));
        createReadStream(file).on("error", reject).pipe(entry);
      });
    }
    pack.finalize();
    await output;
    await rename(partial, archive);
  } catch (error) {
    pack.destroy();
    await output.catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
}

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

function describeReadError(error: unknown): BackupError {
  if (error instanceof BackupError) return error;
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === "ENOENT") return new BackupError(`no such file: ${(error as NodeJS.ErrnoException).path ?? "the archive"}`);
  if (code === "Z_BUF_ERROR" || code === "Z_DATA_ERROR" || /unexpected end/i.test(message)) return new BackupError(`the archive is truncated or damaged (${message})`);
  return new BackupError(`the archive could not be read (${message})`);
}

function hashing(expectedBytes: number, name: string): { transform: Transform; digest: () => { bytes: number; sha256: string } } {
  const hash = createHash("sha256");
  let bytes = 0;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > expectedBytes) return callback(new BackupError(`${name} is longer than its manifest says (tampered or damaged)`));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  return { transform, digest: () => ({ bytes, sha256: hash.digest("hex") }) };
}

async function readAll(stream: AsyncIterable<unknown>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > limit) throw new BackupError("the archive's manifest is implausibly large (not a BreakingOn backup)");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Unpacks the archive into `dir` (which must exist and be empty), checking each file against the manifest, and
 * returns the manifest. Throws BackupError with one readable line for anything wrong.
 */
export async function readArchive(archive: string, dir: string): Promise<Manifest> {
  let manifest: Manifest | undefined;
  const expected = new Map<string, { bytes: number; sha256: string }>();
  const extract = tar.extract();
  extract.on("entry", (header, stream, next) => {
    const handle = async () => {
      if (!manifest) {
        if (header.name !== MANIFEST_FILE) throw new BackupError("this is not a BreakingOn backup (it does not begin with manifest.json)");
        manifest = parseManifest((await readAll(stream, MAX_MANIFEST_BYTES)).toString("utf8"));
        for (const file of [manifest.database, ...manifest.media.files]) expected.set(file.path, file);
        return;
      }
      if (header.type === "directory") {
        // `tar czf` adds folder entries; they hold nothing to check.
        stream.resume();
        return;
      }
      const want = expected.get(header.name);
      if (!want || (header.type && header.type !== "file")) throw new BackupError(`the archive holds ${header.name.slice(0, 80)}, which its manifest does not name (tampered or damaged)`);
      expected.delete(header.name);
      const file = path.join(dir, header.name);
      await mkdir(path.dirname(file), { recursive: true });
      const check = hashing(want.bytes, header.name);
      // tar-stream 3's entries are streamx readables, which Node's pipeline takes like its own.
      await pipeline(stream as unknown as NodeJS.ReadableStream, check.transform, createWriteStream(file, { flags: "wx" }));
      const got = check.digest();
      if (got.bytes !== want.bytes || got.sha256 !== want.sha256) throw new BackupError(`the checksum of ${header.name} does not match the manifest (the archive was altered or damaged)`);
    };
    handle().then(() => next(), (error: unknown) => next(error as Error));
  });
  try {
    await pipeline(createReadStream(archive), createGunzip(), extract);
  } catch (error) {
    throw describeReadError(error);
  }
  if (!manifest) throw new BackupError("the archive is empty or truncated (no manifest)");
  if (expected.size > 0) throw new BackupError(`the archive is truncated: ${expected.size} file${expected.size === 1 ? "" : "s"} named in its manifest ${expected.size === 1 ? "is" : "are"} missing (first: ${[...expected.keys()][0]})`);
  return manifest;
}
