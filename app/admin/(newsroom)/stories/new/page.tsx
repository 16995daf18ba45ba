import type { Metadata } from "next";
import { ImportStoryForm, NewStoryForm } from "@/components/admin/new-story-forms";
import { requireNewsroomPage } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "New story" };

export default async function NewStoryPage() {
  await requireNewsroomPage({ permission: "article.create" });
  return (
    <div className="max-w-3xl space-y-8">
      <h1 className="text-2xl font-bold">New story</h1>
      <section className="space-y-3">
        <h2 className="text-lg font-bold">Start from a headline</h2>
        <NewStoryForm />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-bold">Or import a story</h2>
        <ImportStoryForm />
      </section>
    </div>
  );
}
