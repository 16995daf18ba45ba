// The shape of an uploaded image's renditions (stored as Media.variants) and the names they are served under. Pure:
// reader pages, the media route and the upload pipeline share it without pulling in sharp or the file system.
import { z } from "zod";

/** Public URL prefix of stored images: `/media/<storageKey>` is the default rendition. */
export const MEDIA_PATH = "/media";

/** A rendition's name never changes what it holds (new uploads get new keys), so browsers, CDNs and stores keep it for good. */
export const IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable";

/** An unguessable storage name: 16+ random bytes as base64url. Nothing else is ever used to build a file path. */
const STORAGE_KEY = /^[A-Za-z0-9_-]{22,64}$/;
/** A rendition's file name, e.g. `default.jpg`, `w640.webp`, `social.jpg`, `crop-16x9.jpg`: one dot, no path characters. */
const RENDITION_FILE = /^(?:default|social|w[1-9]\d{0,4}|crop-(?:16x9|4x3|1x1))\.(?:jpg|png|webp)$/;

export const DEFAULT_RENDITIONS = ["default.jpg", "default.png"] as const;

const CONTENT_TYPES = { jpg: "image/jpeg", png: "image/png", webp: "image/webp" } as const;

export function isStorageKey(value: string): boolean {
  return STORAGE_KEY.test(value);
}

export function isRenditionFile(value: string): boolean {
  return RENDITION_FILE.test(value);
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[file.slice(file.lastIndexOf(".") + 1) as keyof typeof CONTENT_TYPES];
}

const rendition = z.object({
  file: z.string().regex(RENDITION_FILE),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
  mimeType: z.string(),
});

const variantsSchema = z.object({
  version: z.literal(1),
  default: rendition,
  responsive: z.array(rendition),
  social: rendition,
  original: z.object({ format: z.string(), width: z.number(), height: z.number(), bytes: z.number() }),
});

export type Rendition = z.infer<typeof rendition>;
/** What Media.variants holds: every stored file of one image, with its size. */
export type MediaVariants = z.infer<typeof variantsSchema>;

/** Media.variants as stored, or null when missing or not in a shape this version understands. */
export function parseVariants(json: unknown): MediaVariants | null {
  const result = variantsSchema.safeParse(json);
  return result.success ? result.data : null;
}

/** The storage key of a default rendition's URL (`/media/<storageKey>`), or null for any other URL. */
export function storageKeyOf(url: string): string | null {
  const prefix = `${MEDIA_PATH}/`;
  const key = url.startsWith(prefix) ? url.slice(prefix.length) : "";
  return isStorageKey(key) ? key : null;
}

export function renditionUrl(storageKey: string, file?: string): string {
  return file ? `${MEDIA_PATH}/${storageKey}/${file}` : `${MEDIA_PATH}/${storageKey}`;
}

/**
 * The crops structured data offers search engines for a story's image (Google asks for 16x9, 4x3 and 1x1, at least
 * 1200 px wide). They are cut from the default rendition on first request and then stored beside the other
 * renditions (app/media/[...key]/route.ts), so images uploaded before they existed get them too.
 */
export const CROPS = [
  { file: "crop-16x9.jpg", width: 1200, height: 675 },
  { file: "crop-4x3.jpg", width: 1200, height: 900 },
  { file: "crop-1x1.jpg", width: 1200, height: 1200 },
] as const;

export type Crop = (typeof CROPS)[number];

/** The crop a rendition file name asks for, or null when it names a rendition stored at upload. */
export function cropOf(file: string): Crop | null {
  return CROPS.find((crop) => crop.file === file) ?? null;
}

/** Every file stored for one image (the storage object keys), e.g. for deleting them; crops may not exist yet. */
export function storedFiles(storageKey: string, variants: MediaVariants): string[] {
  return [variants.default, ...variants.responsive, variants.social, ...CROPS].map((r) => `${storageKey}/${r.file}`);
}

/** A `srcset` of the responsive widths, or undefined when the image has none recorded. */
export function responsiveSrcSet(storageKey: string, json: unknown): string | undefined {
  const variants = parseVariants(json);
  if (!variants?.responsive.length) return undefined;
  return [...variants.responsive]
    .sort((a, b) => a.width - b.width)
    .map((r) => `${renditionUrl(storageKey, r.file)} ${r.width}w`)
    .join(", ");
}

/** The smallest responsive rendition at least `minWidth` wide (else the largest), for thumbnails. */
export function thumbnailUrl(storageKey: string, json: unknown, minWidth = 320): string {
  const variants = parseVariants(json);
  const sorted = [...(variants?.responsive ?? [])].sort((a, b) => a.width - b.width);
  const pick = sorted.find((r) => r.width >= minWidth) ?? sorted.at(-1);
  return renditionUrl(storageKey, pick?.file);
}

/**
 * The storage objects a `/media/...` path may name, most likely first, with their content type; null for anything
 * malformed, so no unvalidated text ever reaches the file system. `[key]` is the default rendition (JPEG, or PNG
 * for images with transparency); `[key, file]` one named rendition.
 */
export function renditionCandidates(segments: string[]): { objectKey: string; contentType: string }[] | null {
  const [key, file, ...rest] = segments;
  if (!key || rest.length > 0 || !isStorageKey(key)) return null;
  if (file === undefined) return DEFAULT_RENDITIONS.map((name) => ({ objectKey: `${key}/${name}`, contentType: contentTypeOf(name) }));
  if (!isRenditionFile(file)) return null;
  return [{ objectKey: `${key}/${file}`, contentType: contentTypeOf(file) }];
}
