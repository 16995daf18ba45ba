import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES } from "@/lib/validation/media";
import {
  ImageBusyError,
  ImageRejectedError,
  MAX_CONCURRENT_IMAGES,
  MAX_INPUT_PIXELS,
  MAX_WAITING_IMAGES,
  imageQueueState,
  processImage,
  sniffFormat,
  withImageSlot,
} from "./process";

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A valid PNG header declaring width×height RGB pixels, followed by a token of compressed data: a decompression bomb. */
function pngBomb(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from("\x89PNG\r\n\x1a\n", "latin1"),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.alloc(1000))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Peak resident memory growth (MB) while `work` runs, sampled every few milliseconds. */
async function peakRssGrowth(work: () => Promise<unknown>): Promise<number> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return (Math.max(peak, process.memoryUsage().rss) - before) / 1e6;
}

const solid = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: channels === 4 ? { r: 10, g: 120, b: 200, alpha: 0.5 } : { r: 200, g: 30, b: 30 } } });

async function rejection(bytes: Uint8Array): Promise<string> {
  const error = await processImage(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImageRejectedError);
  return (error as Error).message;
}

describe("sniffFormat", () => {
  it("reads the real type from the first bytes", async () => {
    expect(sniffFormat(await solid(4, 4).jpeg().toBuffer())).toBe("jpeg");
    expect(sniffFormat(await solid(4, 4).png().toBuffer())).toBe("png");
    expect(sniffFormat(await solid(4, 4).webp().toBuffer())).toBe("webp");
    expect(sniffFormat(await solid(4, 4).avif().toBuffer())).toBe("avif");
    expect(sniffFormat(await solid(4, 4).gif().toBuffer())).toBe("gif");
    expect(sniffFormat(Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe("svg");
    expect(sniffFormat(Buffer.from("\uFEFF  <svg width='1'></svg>"))).toBe("svg");
    const heic = Buffer.alloc(32);
    heic.writeUInt32BE(24, 0);
    heic.write("ftypheic\0\0\0\0mif1heic", 4, "latin1");
    expect(sniffFormat(heic)).toBe("heic");
    expect(sniffFormat(Buffer.from("just some text, renamed to photo.jpg"))).toBe("unknown");
    expect(sniffFormat(new Uint8Array())).toBe("unknown");
  });
});

describe("processImage", () => {
  it("orients, strips metadata and writes the default, responsive WebP widths and a 1200×630 social crop", async () => {
    // 1000×600 stored sideways (EXIF orientation 6): upright it is 600×1000.
    const input = await solid(1000, 600)
      .jpeg()
      .withExif({ IFD0: { Copyright: "Secret Agency", Artist: "Someone" } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(input).metadata()).exif).toBeDefined();

    const result = await processImage(input);
    expect(result).toMatchObject({ format: "jpeg", width: 600, height: 1000, mimeType: "image/jpeg" });
    expect(result.variants.original).toEqual({ format: "jpeg", width: 600, height: 1000, bytes: input.length });
    expect(result.variants.responsive.map((r) => r.file)).toEqual(["w320.webp", "w600.webp"]);
    expect(result.variants.responsive.map((r) => [r.width, r.height])).toEqual([
      [320, 533],
      [600, 1000],
    ]);
    expect(result.variants.social).toMatchObject({ file: "social.jpg", width: 1200, height: 630, mimeType: "image/jpeg" });
    expect(result.files.map((f) => f.file)).toEqual(["default.jpg", "w320.webp", "w600.webp", "social.jpg"]);
    for (const file of result.files) {
      const meta = await sharp(file.data).metadata();
      expect(meta.exif, file.file).toBeUndefined();
      expect(meta.xmp, file.file).toBeUndefined();
      expect(meta.orientation ?? 1, file.file).toBe(1);
      expect(file.data.includes(Buffer.from("Secret Agency")), file.file).toBe(false);
    }
    expect(result.bytes).toBe(result.files[0].data.length);
  });

  it("never enlarges: a large image gets every width up to 1920, a small one only its own", async () => {
    const large = await processImage(await solid(2400, 1200).png().toBuffer());
    expect(large.variants.responsive.map((r) => r.width)).toEqual([320, 640, 960, 1280, 1920]);
    expect(large).toMatchObject({ width: 1920, height: 960 });
    const small = await processImage(await solid(200, 100).webp().toBuffer());
    expect(small.variants.responsive.map((r) => r.width)).toEqual([200]);
    expect(small.variants.social).toMatchObject({ width: 1200, height: 630 });
  });

  it("keeps transparency as PNG, and takes AVIF", async () => {
    const transparent = await processImage(await solid(64, 64, 4).png().toBuffer());
    expect(transparent).toMatchObject({ format: "png", mimeType: "image/png" });
    expect(transparent.files[0].file).toBe("default.png");
    const avif = await processImage(await solid(64, 48).avif().toBuffer());
    expect(avif).toMatchObject({ format: "avif", mimeType: "image/jpeg", width: 64, height: 48 });
  });

  it("refuses SVG, GIF, HEIC and anything that is not an image, naming what is accepted", async () => {
    expect(await rejection(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toMatch(/SVG files are not accepted.*JPEG, PNG, WebP or AVIF/);
    expect(await rejection(await solid(4, 4).gif().toBuffer())).toMatch(/GIF images are not accepted/);
    const heic = Buffer.alloc(64);
    heic.writeUInt32BE(24, 0);
    heic.write("ftypheic\0\0\0\0mif1heic", 4, "latin1");
    expect(await rejection(heic)).toMatch(/HEIC/);
    expect(await rejection(Buffer.from("hello, I am a text file called photo.jpg"))).toMatch(/not a JPEG, PNG, WebP or AVIF image/);
    expect(await rejection(new Uint8Array())).toMatch(/empty/);
  });

  it("refuses damaged images, files over 10 MB and images over the pixel cap", async () => {
    const jpeg = await solid(300, 200).jpeg().toBuffer();
    expect(await rejection(jpeg.subarray(0, 120))).toMatch(/could not be read/);
    const oversized = Buffer.concat([jpeg, Buffer.alloc(MAX_UPLOAD_BYTES)]);
    expect(await rejection(oversized)).toMatch(/the limit is 10 MB/);
    // 56 megapixels of one colour compresses to a small PNG: the cap is on pixels, not on bytes.
    const huge = await sharp({ create: { width: 8000, height: 7000, channels: 3, background: "#ffffff" } }).png().toBuffer();
    expect(huge.length).toBeLessThan(MAX_UPLOAD_BYTES);
    expect(await rejection(huge)).toMatch(new RegExp(`8000×7000 pixels.*limit is ${MAX_INPUT_PIXELS / 1e6} megapixels`));
  });
});

describe("decompression bombs and load", () => {
  it("refuses a 74-byte PNG declaring 40,000,000×1 pixels from its header, without decoding it", async () => {
    const bomb = pngBomb(40_000_000, 1);
    expect(bomb.length).toBe(74);
    expect(await rejection(bomb)).toBe("That image is 40,000,000×1 pixels; neither side may be longer than 16,383 pixels.");
    // Four at once used to take the process up by about 3.8 GB; refused on the header, they cost next to nothing.
    const growth = await peakRssGrowth(() => Promise.allSettled([1, 2, 3, 4].map(() => processImage(bomb))));
    expect(growth).toBeLessThan(100);
  });

  it("decodes bombs within the caps one at a time, so four cost little more than one", async () => {
    // 16,383×3,051 is just under both caps: the decoder runs and fails on the missing pixel data.
    const bomb = pngBomb(16_383, 3_051);
    const growth = await peakRssGrowth(async () => {
      const results = await Promise.allSettled([1, 2, 3, 4].map(() => processImage(bomb)));
      for (const result of results) expect(result.status === "rejected" && (result.reason as Error).message).toMatch(/could not be read/);
    });
    expect(growth).toBeLessThan(150);
  });

  it("processes at most the allowed number of images at once and refuses, as retryable, beyond a bounded queue", async () => {
    let running = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const job = () =>
      withImageSlot(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running -= 1;
      });
    const accepted = Array.from({ length: MAX_CONCURRENT_IMAGES + MAX_WAITING_IMAGES }, job);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(imageQueueState()).toEqual({ active: MAX_CONCURRENT_IMAGES, waiting: MAX_WAITING_IMAGES });
    const refused = await job().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImageBusyError);
    expect(refused).toBeInstanceOf(ImageRejectedError);
    expect((refused as Error).message).toMatch(/busy.*try the upload again/i);
    while (releases.length || imageQueueState().active) {
      releases.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await Promise.all(accepted);
    expect(most).toBe(MAX_CONCURRENT_IMAGES);
    expect(imageQueueState()).toEqual({ active: 0, waiting: 0 });
  });

  it("frees its slot when processing fails", async () => {
    await expect(withImageSlot(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(imageQueueState()).toEqual({ active: 0, waiting: 0 });
  });
});
