import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fallbackFamilies, sansStack, serifStack } from "./fallback-faces";

const css = readFileSync(path.join(import.meta.dirname, "../../app/globals.css"), "utf8");
const squash = (text: string) => text.replace(/\s+/g, " ").replace(/'/g, '"').trim();

describe("the fallback faces in app/globals.css", () => {
  for (const [name, stack, variable] of [
    ["sans", sansStack, "--font-sans"],
    ["serif", serifStack, "--font-serif"],
  ] as const) {
    it(`are the ${name} faces @capsizecss computes (paste the printed CSS when this fails)`, () => {
      const faces = stack.fontFaces.split(/\n(?=@font-face)/);
      expect(faces.length).toBe(4);
      const missing = faces.filter((face) => !squash(css).includes(squash(face)));
      if (missing.length) console.log(`Fallback faces app/globals.css should carry:\n${stack.fontFaces}`);
      expect(missing).toEqual([]);
    });

    it(`come right after the bundled ${name} face in ${variable}, in order`, () => {
      const declaration = new RegExp(`${variable}:\\s*var\\(--font-source-${name}\\),([^;]+);`).exec(css);
      expect(declaration, `${variable} declaration`).not.toBeNull();
      const listed = declaration![1]!.split(",").map((family) => family.trim().replace(/^"|"$/g, ""));
      const families = fallbackFamilies(stack).map((family) => family.replace(/^"|"$/g, ""));
      expect(listed.slice(0, families.length)).toEqual(families);
    });
  }
});
