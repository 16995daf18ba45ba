import { getImageProps } from "next/image";
import type { HeroImage } from "@/lib/dal/articles";

const ASPECT = { wide: "aspect-[16/9]", photo: "aspect-[3/2]" } as const;

/**
 * A story's hero image on a card, cropped to the card's shape (the box is sized by CSS aspect-ratio before a byte
 * arrives, so nothing shifts). next/image works out the loading, decoding and priority attributes, and the optimizer's
 * srcset for an image stored without renditions; an uploaded image's own WebP renditions (lib/media/process.ts) are
 * offered as they are, as the article page does, rather than resized a second time. Rendered on the server through
 * getImageProps, so a card ships no JavaScript.
 */
export function CardImage({
  image,
  sizes,
  priority = false,
  aspect = "photo",
  className = "",
}: {
  image: HeroImage;
  sizes: string;
  /** The first image on the page: fetched at once and first, not lazily. */
  priority?: boolean;
  aspect?: keyof typeof ASPECT;
  className?: string;
}) {
  const stored = Boolean(image.srcSet);
  const { props } = getImageProps({
    src: image.src,
    alt: image.alt,
    width: image.width,
    height: image.height,
    sizes,
    unoptimized: stored,
    loading: priority ? "eager" : "lazy",
    fetchPriority: priority ? "high" : "auto",
  });
  return (
    // eslint-disable-next-line @next/next/no-img-element -- the <img> next/image's getImageProps describes
    <img
      {...props}
      alt={image.alt}
      src={stored ? image.src : props.src}
      srcSet={image.srcSet ?? props.srcSet}
      sizes={sizes}
      className={`${ASPECT[aspect]} h-auto w-full bg-neutral-100 object-cover dark:bg-neutral-900 ${className}`}
    />
  );
}
