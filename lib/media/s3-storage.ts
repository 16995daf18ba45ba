// Media in an S3-compatible object store (AWS S3, Cloudflare R2, MinIO, Garage), so every instance reads and writes
// the same images. Object keys are the same `<storageKey>/<file>` names as on disk, validated before any request.
import "server-only";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { assertObjectKey, StorageUnavailableError, type MediaStorage, type StoredObject } from "./object-store";
import { contentTypeOf, IMMUTABLE_CACHE_CONTROL } from "./variants";

export interface S3StorageOptions {
  bucket: string;
  /** Anything but AWS itself, e.g. http://127.0.0.1:9000 or https://<account>.r2.cloudflarestorage.com. */
  endpoint?: string;
  region: string;
  /** Both or neither; neither uses the SDK's usual chain (environment, profile, instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `<endpoint>/<bucket>/<key>` instead of `<bucket>.<endpoint>/<key>` (MinIO, Garage, s3rver). */
  forcePathStyle?: boolean;
  /** Milliseconds: to connect; from sending a request to its response headers; of silence on an open connection. */
  timeouts?: { connectMs?: number; responseMs?: number; idleMs?: number };
  /**
   * Connections per instance; a reader's image request holds one while it streams. A call that finds none free
   * waits at most the connect timeout.
   */
  maxSockets?: number;
  /** Tries per call, so one dropped keep-alive connection does not fail a request; more would only multiply a wait. */
  maxAttempts?: number;
}

const DEFAULT_TIMEOUTS = { connectMs: 3_000, responseMs: 10_000, idleMs: 10_000 };

function describe(error: unknown): string {
  if (error instanceof S3ServiceException) return `${error.name} (HTTP ${error.$metadata.httpStatusCode ?? "?"})`;
  const { code, name, message } = error as NodeJS.ErrnoException;
  return [code ?? name, message].filter(Boolean).join(": ");
}

function isMissingObject(error: unknown): boolean {
  // Only a missing key means "no such image": a missing bucket (also a 404) is a configuration fault and must throw.
  return error instanceof S3ServiceException && error.name === "NoSuchKey";
}

export class S3Storage implements MediaStorage {
  readonly bucket: string;
  private readonly client: S3Client;

  constructor(options: S3StorageOptions) {
    const { accessKeyId, secretAccessKey } = options;
    if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
      throw new Error("Media store: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither to use the SDK's default credentials.");
    }
    const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    const agent = { keepAlive: true, maxSockets: options.maxSockets ?? 128 };
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle ?? false,
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
      maxAttempts: options.maxAttempts ?? 2,
      // The SDK's default adds CRC checksums (aws-chunked trailers for streams) that several S3-compatible stores
      // reject or ignore; send and check them only where the API requires it.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      // Bounded waits: a store that is down or stalls fails the call (and the reader gets a 503) instead of holding
      // a request and a socket forever. The idle timeout also covers a body that stops arriving mid-stream.
      requestHandler: {
        connectionTimeout: timeouts.connectMs,
        requestTimeout: timeouts.responseMs,
        throwOnRequestTimeout: true,
        socketTimeout: timeouts.idleMs,
        httpAgent: agent,
        httpsAgent: agent,
      },
    });
  }

  private failure(action: string, objectKey: string, error: unknown): StorageUnavailableError {
    return new StorageUnavailableError(`Media store: could not ${action} ${this.bucket}/${objectKey}: ${describe(error)}`, { cause: error });
  }

  async put(objectKey: string, data: Uint8Array): Promise<void> {
    assertObjectKey(objectKey);
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: objectKey,
          Body: data,
          ContentLength: data.byteLength,
          ContentType: contentTypeOf(objectKey),
          CacheControl: IMMUTABLE_CACHE_CONTROL,
        }),
      );
    } catch (error) {
      throw this.failure("write", objectKey, error);
    }
  }

  async get(objectKey: string): Promise<Buffer | null> {
    assertObjectKey(objectKey);
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      if (!result.Body) throw new Error("the response had no body");
      const bytes = await result.Body.transformToByteArray();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw this.failure("read", objectKey, error);
    }
  }

  /**
   * The object as a web stream straight from the store's response. Cancelling the stream (a reader who goes away
   * mid-image) destroys the response and its socket rather than leaving it parked in the pool; `signal` abandons
   * the request while still waiting for the store.
   */
  async open(objectKey: string, { signal }: { signal?: AbortSignal } = {}): Promise<StoredObject | null> {
    assertObjectKey(objectKey);
    let result;
    try {
      result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: objectKey }), { abortSignal: signal });
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw this.failure("read", objectKey, error);
    }
    const body = result.Body;
    if (!body || result.ContentLength === undefined) {
      await body?.transformToWebStream().cancel();
      throw this.failure("read", objectKey, new Error("the response had no body or no length"));
    }
    return { stream: body.transformToWebStream() as ReadableStream<Uint8Array>, size: result.ContentLength };
  }

  async delete(objectKey: string): Promise<void> {
    assertObjectKey(objectKey);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey }));
    } catch (error) {
      // S3 answers 204 for a key that is not there; a store that says NoSuchKey instead means the same.
      if (isMissingObject(error)) return;
      throw this.failure("delete", objectKey, error);
    }
  }

  /** Closes kept-alive connections (tests, shutdown). */
  close(): void {
    this.client.destroy();
  }
}
