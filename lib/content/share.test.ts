import { describe, expect, it } from "vitest";
import { shareLinks } from "./share";

describe("shareLinks", () => {
  it("encodes the URL and headline into each network's share URL", () => {
    const links = shareLinks("https://news.example/articles/a?b=1", "Cartels & “strikes”");
    expect(links.map((l) => l.name)).toEqual(["Email", "X", "Facebook", "LinkedIn"]);
    expect(links[0].href).toBe(
      "mailto:?subject=Cartels%20%26%20%E2%80%9Cstrikes%E2%80%9D&body=https%3A%2F%2Fnews.example%2Farticles%2Fa%3Fb%3D1",
    );
    expect(links[1].href).toBe(
      "https://x.com/intent/post?url=https%3A%2F%2Fnews.example%2Farticles%2Fa%3Fb%3D1&text=Cartels%20%26%20%E2%80%9Cstrikes%E2%80%9D",
    );
    for (const link of links.slice(2)) expect(link.href).toContain("https%3A%2F%2Fnews.example%2Farticles%2Fa%3Fb%3D1");
  });
});
