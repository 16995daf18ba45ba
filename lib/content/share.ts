/** Plain share links: no third-party scripts, nothing loads until the reader clicks. */
export function shareLinks(url: string, headline: string) {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(headline);
  return [
    { name: "Email", href: `mailto:?subject=${t}&body=${u}` },
    { name: "X", href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { name: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
  ];
}
