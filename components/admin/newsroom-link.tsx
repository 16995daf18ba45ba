"use client";
// The newsroom's links: fetched when an editor reaches for them (pointer over, keyboard focus), not when they scroll
// into view. next/link prefetches every link in the viewport, and newsroom pages are rendered per user and never
// cached, so each page view cost the server a full render of every page linked from it: the shell's 20 links and a
// story list's rows multiplied every newsroom request by 10-40. Reader pages keep next/link's default.
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

type Props = ComponentProps<typeof NextLink>;

export default function NewsroomLink({ prefetch, onMouseEnter, onFocus, href, ...props }: Props) {
  const router = useRouter();
  const url = typeof href === "string" && href.startsWith("/") ? href : null;
  const onIntent = () => {
    if (prefetch !== false && url) router.prefetch(url);
  };
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        onIntent();
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        onIntent();
        onFocus?.(event);
      }}
    />
  );
}
