import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES } from "@/lib/validation/media";
import { ImageRejectedError, MAX_INPUT_PIXELS, processImage, sniffFormat } from "./process";

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
