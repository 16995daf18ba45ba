"use client";
import Link from "@/components/admin/newsroom-link";
import { InlineConfirm } from "./inline-confirm";
import type { PendingRestore } from "./story-editor";

function when(iso: string) {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

/** Says that an old version is in the editor, not live, and offers its old address without choosing it. */
export function StoryRestoreBanner({ id, restore, slug, onUseOldSlug }: { id: string; restore: PendingRestore; slug: string; onUseOldSlug: () => void }) {
  return (
    <div role="status" className="space-y-2 rounded border border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-50">
      <p>
        <strong>Version {restore.version}</strong> ({when(restore.createdAt)}) is loaded into the editor. Readers still see the live story until you choose
        “Update live story” and confirm.{" "}
        <Link href={`/admin/stories/${id}`} className="underline">
          Discard it
        </Link>
      </p>
      {restore.slug !== slug && (
        <p className="flex flex-wrap items-center gap-2">
          <span>
            The story keeps its address <code>/articles/{slug}</code>. Version {restore.version} used <code>/articles/{restore.slug}</code>.
          </span>
          <button type="button" onClick={onUseOldSlug} className="underline">
            Use the old address
          </button>
        </p>
      )}
    </div>
  );
}

/** The last step before an old version reaches readers. */
export function StoryRestoreConfirm({ version, address, onConfirm, onCancel }: { version: number; address: string; onConfirm: () => void; onCancel: () => void }) {
  return (
    <InlineConfirm title={`Put version ${version} live?`} confirmLabel="Yes, update the live story" tone="primary" focus="confirm" className="border-amber-600 text-sm" onConfirm={onConfirm} onCancel={onCancel}>
      Readers at <code>{address}</code> will see it as soon as you confirm. It must pass the same checks as publishing.
    </InlineConfirm>
  );
}
