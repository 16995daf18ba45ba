import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { cropImage } from "./process";
import { CROPS, cropOf, renditionCandidates, storageKeyOf, storedFiles, type MediaVariants } from "./variants";

const KEY = "AbCdEfGhIjKlMnOpQrStUv";

describe("structured-data crops", () => {
  it("are 16x9, 4x3 and 1x1 at 1200 px wide", () => {
    expect(CROPS.map((crop) => [crop.width, crop.width / crop.height])).toEqual([
      [1200, 16 / 9],
      [1200, 4 / 3],
      [1200, 1],
    ]);
  });

  it("are named renditions the media route serves, and nothing looser", () => {
    for (const crop of CROPS) {
      expect(cropOf(crop.file)).toBe(crop);
      expect(renditionCandidates([KEY, crop.file])).toEqual([{ objectKey: `${KEY}/${crop.file}`, contentType: "image/jpeg" }]);
    }
    expect(cropOf("social.jpg")).toBeNull();
    expect(renditionCandidates([KEY, "crop-2x1.jpg"])).toBeNull();
    expect(renditionCandidates([KEY, "crop-16x9.jpg.jpg"])).toBeNull();
  });

  it("are deleted with the image", () => {
    const rendition = { width: 1, height: 1, bytes: 1, mimeType: "image/jpeg" };
    const variants: MediaVariants = {
      version: 1,
      default: { ...rendition, file: "default.jpg" },
      responsive: [{ ...rendition, file: "w320.webp" }],
      social: { ...rendition, file: "social.jpg" },
      original: { format: "jpeg", width: 1, height: 1, bytes: 1 },
    };
    expect(storedFiles(KEY, variants)).toEqual(expect.arrayContaining(CROPS.map((crop) => `${KEY}/${crop.file}`)));
  });

  it("storageKeyOf reads the key of a default rendition's URL only", () => {
    expect(storageKeyOf(`/media/${KEY}`)).toBe(KEY);
    expect(storageKeyOf(`/media/${KEY}/w640.webp`)).toBeNull();
    expect(storageKeyOf("/media/abc.jpg")).toBeNull();
    expect(storageKeyOf(`https://elsewhere.example/media/${KEY}`)).toBeNull();
  });

  it("cropImage fills each shape exactly, enlarging a small picture and flattening transparency", async () => {
    const small = await sharp({ create: { width: 800, height: 500, channels: 4, background: { r: 200, g: 30, b: 30, alpha: 0.5 } } }).png().toBuffer();
    for (const crop of CROPS) {
      const data = await cropImage(small, crop);
      const meta = await sharp(data).metadata();
      expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(["jpeg", crop.width, crop.height, false]);
    }
  });
});
