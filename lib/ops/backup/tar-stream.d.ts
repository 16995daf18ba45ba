// tar-stream ships no types; the few calls archive.ts makes (the API is the same in its versions 2 and 3).
declare module "tar-stream" {
  import type { Readable, Writable } from "node:stream";

  export interface Headers {
    name: string;
    size?: number;
    mode?: number;
    mtime?: Date;
    type?: "file" | "directory" | "symlink" | "link" | string;
  }

  export interface Pack extends Readable {
    entry(header: Headers, callback?: (error?: Error | null) => void): Writable;
    finalize(): void;
  }

  export interface Extract extends Writable {
    on(event: "entry", listener: (header: Headers, stream: Readable, next: (error?: unknown) => void) => void): this;
    on(event: "finish", listener: () => void): this;
    on(event: "error", listener: (error: Error) => void): this;
    on(event: string, listener: (...args: never[]) => void): this;
  }

  export function pack(): Pack;
  export function extract(): Extract;
}
