import { shareLinks } from "@/lib/content/share";
import { CopyLinkButton } from "./copy-link-button";

export function ShareLinks({ url, headline }: { url: string; headline: string }) {
  return (
    <nav aria-label="Share this story" className="print:hidden">
      <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        <li>
          <CopyLinkButton url={url} />
        </li>
        {shareLinks(url, headline).map((link) => (
          <li key={link.name}>
            <a href={link.href} className="underline underline-offset-4" rel="noopener noreferrer" target={link.name === "Email" ? undefined : "_blank"}>
              {link.name === "Email" ? "Email" : `Share on ${link.name}`}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
