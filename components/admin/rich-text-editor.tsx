"use client";
import { useEffect, useRef, useState } from "react";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import Image from "@tiptap/extension-image";
import { Markdown } from "@tiptap/markdown";
import { MAX_NESTING_DEPTH, NESTING_MESSAGE, markdownNestingDepth } from "@/lib/content/markdown-limits";

export interface PickableImage {
  url: string;
  alt: string;
  name: string;
}

interface Props {
  /** The body as Markdown (what is stored). */
  value: string;
  onChange: (markdown: string) => void;
  readOnly?: boolean;
  images: PickableImage[];
}

/**
 * The story body: a rich-text editor whose stored form is Markdown, so revisions diff cleanly. A body stored before
 * the nesting limit existed (or imported around it) can be too deep for the rich-text parser, which would crash the
 * page: it opens as plain Markdown instead, so it can be flattened and saved.
 */
export function RichTextEditor(props: Props) {
  const [tooDeep] = useState(() => markdownNestingDepth(props.value) > MAX_NESTING_DEPTH);
  return tooDeep ? <MarkdownFallback {...props} /> : <TiptapEditor {...props} />;
}

function MarkdownFallback({ value, onChange, readOnly = false }: Props) {
  return (
    <div className="space-y-2">
      <p role="note" className="rounded border border-amber-600 bg-amber-50 p-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-50">
        This body is shown as Markdown because it is too deep for the rich-text editor. {NESTING_MESSAGE}
      </p>
      <textarea
        aria-label="Story body"
        value={value}
        readOnly={readOnly}
        onChange={(event) => onChange(event.target.value)}
        rows={20}
        className="w-full rounded border border-neutral-400 bg-white p-3 font-mono text-sm dark:border-neutral-600 dark:bg-neutral-900"
      />
    </div>
  );
}

function TiptapEditor({ value, onChange, readOnly = false, images }: Props) {
  // The Markdown that the parent and the editor both hold: what we last reported, or last loaded from outside.
  const knownRef = useRef(value);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: { openOnClick: false, autolink: true } }), Image, Markdown],
    content: value,
    contentType: "markdown",
    editable: !readOnly,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": "Story body",
        class: "prose prose-neutral dark:prose-invert max-w-none min-h-80 px-4 py-3 focus:outline-none",
      },
    },
    // Every change of the document counts, whatever made it: typing, a toolbar button (which takes the focus away),
    // a shortcut, paste, drop, undo or an inserted image. Loading content from outside is dispatched with
    // emitUpdate: false (Tiptap's preventUpdate), and updates that do not change the document are ignored, so
    // neither counts as an edit.
    onUpdate: ({ editor: current, transaction, appendedTransactions }) => {
      if (!transaction.docChanged && !appendedTransactions.some((tr) => tr.docChanged)) return;
      const markdown = current.getMarkdown();
      if (markdown !== knownRef.current) {
        knownRef.current = markdown;
        onChangeRef.current(markdown);
      }
    },
  });

  // A new value from outside (a conflict reload, a restored version) replaces the content; our own echo does not.
  useEffect(() => {
    if (!editor || editor.isDestroyed || value === knownRef.current) return;
    knownRef.current = value;
    if (editor.getMarkdown() !== value) editor.commands.setContent(value, { contentType: "markdown", emitUpdate: false });
  }, [editor, value]);

  useEffect(() => {
    // setEditable emits an "update" by default; it is not an edit.
    editor?.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  return (
    <div className="rounded border border-neutral-400 bg-white dark:border-neutral-600 dark:bg-neutral-900">
      {editor && !readOnly && <Toolbar editor={editor} images={images} />}
      <EditorContent editor={editor} />
    </div>
  );
}

function Toolbar({ editor, images }: { editor: Editor; images: PickableImage[] }) {
  const [picking, setPicking] = useState(false);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      link: e.isActive("link"),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
    }),
  });
  const chain = () => editor.chain().focus();
  const buttons: { label: string; text: string; active?: boolean; run: () => void }[] = [
    { label: "Heading", text: "H2", active: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { label: "Subheading", text: "H3", active: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { label: "Bold", text: "B", active: state.bold, run: () => chain().toggleBold().run() },
    { label: "Italic", text: "I", active: state.italic, run: () => chain().toggleItalic().run() },
    {
      label: state.link ? "Remove link" : "Link",
      text: "Link",
      active: state.link,
      run: () => {
        if (state.link) return void chain().unsetLink().run();
        const href = window.prompt("Link address (https://…)");
        if (href && /^(https?:\/\/|mailto:|\/)/i.test(href.trim())) chain().setLink({ href: href.trim() }).run();
      },
    },
    { label: "Bulleted list", text: "•", active: state.bullet, run: () => chain().toggleBulletList().run() },
    { label: "Numbered list", text: "1.", active: state.ordered, run: () => chain().toggleOrderedList().run() },
    { label: "Block quote", text: "Quote", active: state.quote, run: () => chain().toggleBlockquote().run() },
    { label: "Undo", text: "↶", run: () => chain().undo().run() },
    { label: "Redo", text: "↷", run: () => chain().redo().run() },
  ];
  return (
    <div role="toolbar" aria-label="Formatting" className="flex flex-wrap gap-1 border-b border-neutral-300 p-2 dark:border-neutral-700">
      {buttons.map((button) => (
        <button
          key={button.label}
          type="button"
          aria-label={button.label}
          title={button.label}
          aria-pressed={button.active === undefined ? undefined : button.active}
          onClick={button.run}
          className="min-h-9 min-w-9 rounded px-2 text-sm font-bold hover:bg-neutral-100 aria-pressed:bg-neutral-900 aria-pressed:text-white dark:hover:bg-neutral-800 dark:aria-pressed:bg-neutral-100 dark:aria-pressed:text-neutral-900"
        >
          {button.text}
        </button>
      ))}
      <button type="button" aria-label="Image" title="Insert an image from the media library" aria-expanded={picking} onClick={() => setPicking(!picking)} className="min-h-9 rounded px-2 text-sm font-bold hover:bg-neutral-100 dark:hover:bg-neutral-800">
        Image
      </button>
      {picking && (
        <div className="basis-full">
          {images.length === 0 ? (
            <p className="text-sm">No images yet. Upload one in the media library first.</p>
          ) : (
            <ul className="flex flex-wrap gap-2" aria-label="Images to insert">
              {images.map((image) => (
                <li key={image.url}>
                  <button
                    type="button"
                    onClick={() => {
                      chain().setImage({ src: image.url, alt: image.alt }).run();
                      setPicking(false);
                    }}
                    className="rounded border border-neutral-300 p-1 text-left text-xs hover:border-neutral-900"
                  >
                    {/* eslint-disable-next-line @next/next/no-img-element -- a thumbnail of our own media route */}
                    <img src={image.url} alt="" width={96} height={64} className="h-16 w-24 object-cover" />
                    <span className="block max-w-24 truncate">{image.alt || `${image.name} (no alt text)`}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
