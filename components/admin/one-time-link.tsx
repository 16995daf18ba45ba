"use client";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button-styles";

/** A one-time link shown once to the admin who made it (no SMTP configured), with a copy button. */
export function OneTimeLink({ link, label = "One-time link" }: { link: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-1">
      <label className="block text-xs font-semibold">
        {label}
        <input readOnly value={link} onFocus={(event) => event.currentTarget.select()} className="mt-1 block w-full rounded border border-neutral-400 bg-neutral-50 px-2 py-1 font-mono text-xs dark:bg-neutral-950" />
      </label>
      <button
        type="button"
        className={`${buttonClass("secondary")} min-h-8 px-2 py-1 text-xs`}
        onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true), () => setCopied(false))}
      >
        {copied ? "Copied" : "Copy link"}
      </button>
    </div>
  );
}
