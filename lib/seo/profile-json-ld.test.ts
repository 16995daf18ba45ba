import { describe, expect, it } from "vitest";
import { serializeJsonLd } from "./json-ld";
import { profilePageJsonLd } from "./profile-json-ld";

const options = { siteUrl: "https://news.example.com" };

describe("profilePageJsonLd", () => {
  it("puts the whole public profile on the Person that is the page's mainEntity", () => {
    const ld = profilePageJsonLd(
      {
        slug: "ana-ruiz",
        name: "Ana Ruiz",
        bio: "Covers the border.",
        jobTitle: "Border correspondent",
        links: ["https://ana.example/", "https://social.example/@ana"],
        photo: { src: "/media/ana.jpg", width: 400, height: 400, alt: "Ana Ruiz, smiling" },
        expertise: ["Border security", "Migration"],
        languages: ["English", "Spanish"],
        contactEmail: "ana@news.example",
      },
      options,
    );
    expect(ld).toEqual({
      "@context": "https://schema.org",
      "@type": "ProfilePage",
      "@id": "https://news.example.com/authors/ana-ruiz",
      url: "https://news.example.com/authors/ana-ruiz",
      name: "Ana Ruiz",
      mainEntity: {
        "@type": "Person",
        "@id": "https://news.example.com/authors/ana-ruiz#person",
        name: "Ana Ruiz",
        url: "https://news.example.com/authors/ana-ruiz",
        description: "Covers the border.",
        jobTitle: "Border correspondent",
        image: { "@type": "ImageObject", url: "https://news.example.com/media/ana.jpg", width: 400, height: 400, caption: "Ana Ruiz, smiling" },
        knowsAbout: ["Border security", "Migration"],
        knowsLanguage: ["English", "Spanish"],
        email: "ana@news.example",
        sameAs: ["https://ana.example/", "https://social.example/@ana"],
      },
    });
  });

  it("leaves out what the byline does not have instead of sending empty values", () => {
    const ld = profilePageJsonLd({ slug: "desk", name: "Desk", bio: "", jobTitle: "", links: [], photo: null, expertise: [], languages: [], contactEmail: "" }, options);
    expect(Object.keys(ld.mainEntity).sort()).toEqual(["@id", "@type", "name", "url"]);
  });

  it("serialises a name that tries to close the script element harmlessly", () => {
    const ld = profilePageJsonLd({ slug: "x", name: "</script><script>alert(1)</script>", bio: "", jobTitle: "", links: [], photo: null, expertise: [], languages: [], contactEmail: "" }, options);
    expect(serializeJsonLd(ld)).not.toContain("</script>");
    expect(JSON.parse(serializeJsonLd(ld)).mainEntity.name).toBe("</script><script>alert(1)</script>");
  });
});
