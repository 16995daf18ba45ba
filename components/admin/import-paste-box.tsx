"use client";
import { useState, type ClipboardEvent } from "react";
import { inputClass } from "@/components/ui/field";
import { MAX_IMPORT_HTML } from "@/lib/content/import/readable";

/**
 * The import box: a text area that also keeps the clipboard's formatted copy (text/html) of the last paste, sent
 * alongside as `html`, because Google Docs, Word and web pages put their headings, bold and links only there.
 * Typing after a paste drops the formatted copy, so what is previewed is always what the box shows.
 */
export function ImportPasteBox({ defaultText = "", errors }: { defaultText?: string; errors?: string[] }) {
  const [text, setText] = useState(defaultText);
  const [html, setHtml] = useState("");
  const [note, setNote] = useState<string | null>(null);

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const pastedHtml = event.clipboardData.getData("text/html");
    if (!pastedHtml.trim()) {
      setHtml("");
      setNote(null);
      return;
    }
    // Insert the plain text ourselves: a paste of formatted text is one whole story, and an untrusted (scripted)
    // paste would insert nothing at all.
    event.preventDefault();
    const box = event.currentTarget;
    const plain = event.clipboardData.getData("text/plain");
    const next = text.slice(0, box.selectionStart) + plain + text.slice(box.selectionEnd);
    setText(next);
    if (pastedHtml.length > MAX_IMPORT_HTML) {
      setHtml("");
      setNote("The formatted copy is too large to read; the plain text will be used.");
    } else {
      setHtml(pastedHtml);
      setNote("Formatted text pasted: its headings, bold, lists and links will be kept.");
    }
  }

  const describedBy = ["import-text-hint", errors?.length ? "import-text-error" : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor="import-text" className="block text-sm font-semibold">
        Story to import
      </label>
      <textarea
        id="import-text"
        name="text"
        rows={12}
        className={inputClass}
        value={text}
        onPaste={onPaste}
        onChange={(event) => {
          setText(event.target.value);
          if (html) {
            setHtml("");
            setNote("Edited after pasting: the plain text will be used.");
          }
        }}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
      />
      <input type="hidden" name="html" value={html} />
      <p id="import-text-hint" className="text-sm text-neutral-600 dark:text-neutral-400">
        Paste a story from Google Docs, Word, a web page or an email, or type it: the first line becomes the headline,
        the next paragraph the standfirst. Markdown works too. You will see what was recognised before a draft is made.
      </p>
      {note && (
        <p role="status" className="text-sm text-neutral-700 dark:text-neutral-300" data-testid="import-paste-note">
          {note}
        </p>
      )}
      {errors?.map((error) => (
        <p key={error} id="import-text-error" className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      ))}
    </div>
  );
}
