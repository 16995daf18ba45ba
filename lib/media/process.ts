// The upload pipeline: decide what an upload really is from its bytes (never its name or declared type), refuse
// what we do not serve, and write the renditions readers get. Output carries no metadata: sharp drops EXIF, XMP,
// IPTC and ICC unless asked to keep them (we never call withMetadata), after applying the EXIF orientation.
import "server-only";
import sharp, { type Metadata, type OutputInfo, type Sharp } from "sharp";
import { ACCEPTED_LABEL, uploadSizeProblem } from "@/lib/validation/media";
import type { MediaVariants, Rendition } from "./variants";

export const MAX_INPUT_PIXELS = 50_000_000;
/**
 * Longest side we decode. The decoder holds a few whole rows at once, so a tiny file declaring a 40,000,000×1 PNG
 * (under the pixel cap) would take gigabytes; no camera or panorama we publish is wider than this (WebP's own limit).
 */
export const MAX_SIDE = 16_383;
/** Images decoded at once in this process; each can take a few hundred MB at the caps above. */
export const MAX_CONCURRENT_IMAGES = 1;
/** Uploads allowed to wait their turn; beyond this the uploader is told to try again rather than queue unbounded. */
export const MAX_WAITING_IMAGES = 8;
/** srcset widths; an image is never enlarged, so a smaller one gets only the widths below its own plus its own. */
export const RESPONSIVE_WIDTHS = [320, 640, 960, 1280, 1920] as const;
/** The default rendition fits this box: big enough for any hero, small enough to serve as-is in feeds. */
const DEFAULT_BOX = { width: 1920, height: 2560 } as const;
export const SOCIAL_SIZE = { width: 1200, height: 630 } as const;

/** An upload we will not take, with a message written for the person who chose the file. */
export class ImageRejectedError extends Error {
  override name = "ImageRejectedError";
}

/** Too many images are being processed: a refusal the uploader can retry, not a fault. */
export class ImageBusyError extends ImageRejectedError {
  override name = "ImageBusyError";
}

// A small counting semaphore with a bounded queue. (p-limit has no bound on its queue, which is the point here.)
let active = 0;
const waiting: (() => void)[] = [];

/** Runs `work` when a processing slot is free; refuses at once when the queue is full. */
export async function withImageSlot<T>(work: () => Promise<T>): Promise<T> {
  if (active >= MAX_CONCURRENT_IMAGES) {
    if (waiting.length >= MAX_WAITING_IMAGES) throw new ImageBusyError("The server is busy processing other images. Try the upload again in a minute.");
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    active += 1;
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiter (active stays the same), or free it.
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  }
}

/** Slots in use and uploads waiting, for tests and diagnostics. */
export function imageQueueState(): { active: number; waiting: number } {
  return { active, waiting: waiting.length };
}

export type AcceptedFormat = "jpeg" | "png" | "webp" | "avif";
type SniffedFormat = AcceptedFormat | "svg" | "gif" | "heic" | "unknown";

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.subarray(start, end)).toString("latin1");
}

/** What the first bytes say the file is, whatever its name or declared type. */
export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && ascii(bytes, 0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "webp";
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return "gif";
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === "ftyp") {
    // ISO base media: the major brand, then compatible brands up to the end of the ftyp box.
    const boxEnd = Math.min(bytes.length, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0));
    const brands = [ascii(bytes, 8, 12)];
    for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(ascii(bytes, at, at + 4));
    if (brands.some((b) => b === "avif" || b === "avis")) return "avif";
    if (brands.some((b) => ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"].includes(b))) return "heic";
    return "unknown";
  }
  const head = ascii(bytes, 0, 1024).replace(/^\uFEFF|^\xEF\xBB\xBF/, "").trimStart();
  if (/^<(\?xml|svg|!DOCTYPE svg|!--)/i.test(head) && /<svg[\s>]/i.test(head)) return "svg";
  return "unknown";
}

const REFUSALS: Record<Exclude<SniffedFormat, AcceptedFormat>, string> = {
  svg: `SVG files are not accepted: they can carry scripts. Export the picture as PNG and upload that. Accepted: ${ACCEPTED_LABEL}.`,
  gif: `GIF images are not accepted. Upload a ${ACCEPTED_LABEL} image.`,
  heic: `HEIC/HEIF photos are not accepted. Export the photo as JPEG (most phones and Photos apps can) and upload that.`,
  unknown: `That file is not a ${ACCEPTED_LABEL} image. Its contents were checked, not its name; choose a real image file.`,
};

export interface StoredFile {
  file: string;
  data: Buffer;
}

export interface ProcessedImage {
  format: AcceptedFormat;
  /** The default rendition, which `/media/<storageKey>` serves (and Media.width/height/mimeType/bytes describe). */
  width: number;
  height: number;
  mimeType: string;
  bytes: number;
  variants: MediaVariants;
  files: StoredFile[];
}

const MIME = { jpg: "image/jpeg", png: "image/png", webp: "image/webp" } as const;

async function encode(pipeline: Sharp, file: string): Promise<{ rendition: Rendition; stored: StoredFile }> {
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  const extension = file.slice(file.lastIndexOf(".") + 1) as keyof typeof MIME;
  return { rendition: { file, width: info.width, height: info.height, bytes: data.length, mimeType: MIME[extension] }, stored: { file, data } };
}

/**
 * Checks an upload and makes its renditions: the default (JPEG, or PNG when it has transparency), WebP at the
 * responsive widths, and a 1200×630 JPEG social crop. Throws ImageRejectedError with a readable message for
 * anything we do not take: wrong type, too big, too many pixels, unreadable.
 */
export async function processImage(input: Uint8Array): Promise<ProcessedImage> {
  const sizeProblem = uploadSizeProblem(input.length);
  if (sizeProblem) throw new ImageRejectedError(sizeProblem);
  const sniffed = sniffFormat(input);
  // Only formats we take ever reach the decoder: an SVG or unknown blob is refused on its first bytes.
  if (sniffed !== "jpeg" && sniffed !== "png" && sniffed !== "webp" && sniffed !== "avif") throw new ImageRejectedError(REFUSALS[sniffed]);

  let metadata: Metadata;
  try {
    // Only the header is read here (no pixels are decoded), so no pixel limit is needed and the caps below can be
    // reported with the real size. Every call that decodes pixels passes limitInputPixels.
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRejectedError(`That image could not be read; it may be damaged. Upload a ${ACCEPTED_LABEL} image.`);
  }
  const decoded = metadata.format === "heif" ? (metadata.compression === "av1" ? "avif" : "heic") : metadata.format;
  if (decoded !== sniffed) throw new ImageRejectedError(decoded === "heic" ? REFUSALS.heic : REFUSALS.unknown);
  const pixels = (metadata.width ?? 0) * (metadata.height ?? 0);
  if ((metadata.width ?? 0) > MAX_SIDE || (metadata.height ?? 0) > MAX_SIDE) {
    throw new ImageRejectedError(
      `That image is ${metadata.width?.toLocaleString("en-US")}×${metadata.height?.toLocaleString("en-US")} pixels; neither side may be longer than ${MAX_SIDE.toLocaleString("en-US")} pixels.`,
    );
  }
  if (pixels > MAX_INPUT_PIXELS) {
    throw new ImageRejectedError(
      `That image is ${metadata.width}×${metadata.height} pixels (${Math.round(pixels / 1e6)} megapixels); the limit is ${MAX_INPUT_PIXELS / 1e6} megapixels.`,
    );
  }

  return withImageSlot(() => renderImage(input, sniffed, metadata));
}

async function renderImage(input: Uint8Array, sniffed: AcceptedFormat, metadata: Metadata): Promise<ProcessedImage> {
  const options = { limitInputPixels: MAX_INPUT_PIXELS } as const;
  // Decode once into an upright master no larger than the default box; every rendition is cut from it.
  let master: { data: Buffer; info: OutputInfo };
  try {
    master = await sharp(input, options)
      .autoOrient()
      .resize({ ...DEFAULT_BOX, fit: "inside", withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw new ImageRejectedError(`That image could not be read; it may be damaged or cut short. Upload a ${ACCEPTED_LABEL} image.`);
  }
  const { width, height, channels } = master.info;
  const fromMaster = () => sharp(master.data, { ...options, raw: { width, height, channels } });
  const transparent = master.info.hasAlpha && !(await fromMaster().stats()).isOpaque;
  const flat = (pipeline: Sharp) => (master.info.hasAlpha ? pipeline.flatten({ background: "#ffffff" }) : pipeline);

  const outputs = [];
  outputs.push(
    await encode(
      transparent ? fromMaster().png({ compressionLevel: 9 }) : flat(fromMaster()).jpeg({ quality: 85, mozjpeg: true }),
      transparent ? "default.png" : "default.jpg",
    ),
  );
  // The master is at most 1920 wide, so its own width closes the list.
  const widths = [...RESPONSIVE_WIDTHS.filter((w) => w < width), width];
  for (const w of widths) outputs.push(await encode(fromMaster().resize({ width: w, withoutEnlargement: true }).webp({ quality: 80 }), `w${w}.webp`));
  outputs.push(
    await encode(
      flat(fromMaster()).resize({ ...SOCIAL_SIZE, fit: "cover", position: "attention" }).jpeg({ quality: 82, mozjpeg: true }),
      "social.jpg",
    ),
  );

  const [main, ...rest] = outputs;
  const social = rest.pop()!;
  return {
    format: sniffed,
    width: main.rendition.width,
    height: main.rendition.height,
    mimeType: main.rendition.mimeType,
    bytes: main.rendition.bytes,
    variants: {
      version: 1,
      default: main.rendition,
      responsive: rest.map((o) => o.rendition),
      social: social.rendition,
      original: { format: sniffed, width: metadata.autoOrient?.width ?? metadata.width ?? width, height: metadata.autoOrient?.height ?? metadata.height ?? height, bytes: input.length },
    },
    files: outputs.map((o) => o.stored),
  };
}

/**
 * One of the structured-data crops (variants.ts CROPS), cut from an image's default rendition: filled to the exact
 * size around its most striking region, enlarged if the image is smaller (search engines want 1200 px), flattened
 * on white and encoded as JPEG. The default rendition was made by processImage, so it is upright and metadata-free.
 */
export async function cropImage(source: Uint8Array, crop: { width: number; height: number }): Promise<Buffer> {
  return withImageSlot(() =>
    sharp(source, { limitInputPixels: MAX_INPUT_PIXELS })
      .resize({ width: crop.width, height: crop.height, fit: "cover", position: "attention" })
      .flatten({ background: "#ffffff" })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer(),
  );
}
