import { readFileSync } from "node:fs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { MARK_PATH, markSvg } from "./default-mark";

describe("the default mark", () => {
  it("is the drawing app/icon.svg serves as the favicon", () => {
    const icon = readFileSync(new URL("../../app/icon.svg", import.meta.url), "utf8");
    expect(icon).toContain(`d="${MARK_PATH}"`);
    expect(icon.trim()).toBe(markSvg({ size: 64, rounded: true }).replace(' width="64" height="64" viewBox', " viewBox"));
  });

  it("draws as outlines, so it needs no font and renders at any size", async () => {
    const svg = markSvg({ size: 180, rounded: false });
    expect(svg).not.toMatch(/<text|font-family/);
    const { data, info } = await sharp(Buffer.from(svg)).png().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([180, 180]);
    // Dark corner (square, no transparency) and a white stroke of the B near the middle of its stem.
    expect(data[0]).toBeLessThan(40);
    const stemAt = (Math.round(180 * 0.5) * 180 + Math.round((180 * 21) / 64)) * info.channels;
    expect(data[stemAt]).toBeGreaterThan(200);
  });

  it("is what app/favicon.ico holds (16, 32 and 48 px PNGs), for clients that ask for /favicon.ico whatever the page links", async () => {
    const ico = readFileSync(new URL("../../app/favicon.ico", import.meta.url));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes: number[] = [];
    for (let i = 0; i < ico.readUInt16LE(4); i++) {
      const entry = 6 + 16 * i;
      const png = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      const { width, height } = await sharp(png).metadata();
      expect([width, height]).toEqual([ico[entry], ico[entry]]);
      const [icoPixels, markPixels] = await Promise.all([
        sharp(png).raw().toBuffer(),
        sharp(Buffer.from(markSvg({ size: ico[entry], rounded: true }))).raw().toBuffer(),
      ]);
      expect(icoPixels.equals(markPixels)).toBe(true);
      sizes.push(ico[entry]);
    }
    expect(sizes).toEqual([16, 32, 48]);
  });
});
