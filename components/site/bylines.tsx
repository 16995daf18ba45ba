export function Bylines({ bylines }: { bylines: { slug: string; name: string }[] }) {
  if (bylines.length === 0) return null;
  const names = bylines.map((b) => b.name);
  const text = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return <span className="font-semibold text-neutral-900">By {text}</span>;
}
