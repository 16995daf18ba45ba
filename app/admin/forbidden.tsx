import Link from "@/components/admin/newsroom-link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="mb-2 text-2xl font-bold">You don’t have access to this page</h1>
      <p className="mb-4">Your role in the newsroom does not include it. Ask an administrator if you need it.</p>
      <Link href="/admin" className="underline">
        Back to the newsroom
      </Link>
    </main>
  );
}
