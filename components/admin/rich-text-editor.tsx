"use client";
import { useCallback, useEffect, useImperativeHandle, useRef, useState, type RefObject } from "react";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { NodeSelection } from "@tiptap/pm/state";
import StarterKit from "@tiptap/starter-kit";
import { Markdown } from "@tiptap/markdown";
import { MAX_NESTING_DEPTH, NESTING_MESSAGE, markdownNestingDepth } from "@/lib/content/markdown-limits";
import { saveImageDefaultsAction } from "@/lib/actions/media/save-image-defaults";
import { FigureImage } from "./figure-image";
import { takeInStep } from "./take-in";
import { ImageDetailsDialog, type ImageDetails } from "./image-details-dialog";
import { MediaUploadButton } from "./media-upload-button";
import { uploadImageFile } from "./upload-image-file";
import { replaceLibraryImage, useMediaLibrary, type LibraryImage } from "./use-media-library";

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
  /**
   * For a colleague's merged change: puts new Markdown on screen at once, in the same tick as the merge that read the
   * screen, so nothing typed can land in between (a new `value` would reach the editor only after React's next render).
   */
  handle?: RefObject<RichTextHandle | null>;
}

export interface RichTextHandle {
  takeIn: (markdown: string) => void;
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

/** The image whose details dialog is open: found again by its address, which is unique to one upload. */
interface DetailsTarget {
  src: string;
  pos: number;
  initial: ImageDetails;
  fresh: boolean;
}

/** Where the image with this address is in the document (the one at `hint` if it is still there). */
function findImage(editor: Editor, src: string, hint?: number): number | null {
  const at = hint === undefined ? null : editor.state.doc.nodeAt(hint);
  if (at?.type.name === "image" && at.attrs.src === src) return hint!;
  let found: number | null = null;
  editor.state.doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (node.type.name === "image" && node.attrs.src === src) found = pos;
    return true;
  });
  return found;
}

function detailsOf(attrs: Record<string, unknown>): ImageDetails {
  return { alt: String(attrs.alt ?? ""), caption: String(attrs.caption ?? ""), credit: String(attrs.credit ?? "") };
}

function TiptapEditor({ value, onChange, readOnly = false, images, handle }: Props) {
  const [uploading, setUploading] = useState<string[]>([]);
  const [uploadError, setUploadError] = useState<string | null>(null);
  // Images waiting for their details, first shown first (several files may be dropped at once).
  const [asking, setAsking] = useState<DetailsTarget[]>([]);
  const details = asking[0] ?? null;
  const ask = useCallback((target: DetailsTarget) => setAsking((list) => [...list, target]), []);
  const editorRef = useRef<Editor | null>(null);

  /** Uploads files dropped or pasted (or chosen); each image goes where it was put, then its details are asked. */
  const uploadFiles = useCallback(async (files: File[], at?: number) => {
    setUploadError(null);
    for (const file of files) {
      setUploading((list) => [...list, file.name]);
      const outcome = await uploadImageFile(file);
      setUploading((list) => list.filter((_, i) => i !== list.indexOf(file.name)));
      const editor = editorRef.current;
      if (!outcome.ok) {
        setUploadError(outcome.error);
        continue;
      }
      if (!editor || editor.isDestroyed) continue;
      insertImage(editor, outcome.image, at, true, ask);
      at = undefined;
    }
  }, [ask]);

  // The Markdown that the parent and the editor both hold: what we last reported, or last loaded from outside.
  const knownRef = useRef(value);
  // The bodies this editor sent up since it last took one in (and that one). An older one of these can come back
  // through `value` after newer edits (under load React's effects run well after the edit that caused them): it is
  // our own stale echo, not news, and taking it in would undo the newer edits (an image just dropped, a caption set).
  const sentRef = useRef<string[]>([]);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: { openOnClick: false, autolink: true } }), FigureImage, Markdown],
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
      // Files pasted or dropped into the body are uploaded to the media library and inserted where they were put.
      // (A paste that also carries HTML, as from Word or a web page, is left to the HTML paste.)
      handlePaste: (_view, event) => {
        const files = [...(event.clipboardData?.files ?? [])];
        if (!files.length || event.clipboardData?.types.includes("text/html")) return false;
        event.preventDefault();
        void uploadFiles(files);
        return true;
      },
      handleDrop: (view, event, _slice, moved) => {
        const files = [...(event.dataTransfer?.files ?? [])];
        if (moved || !files.length) return false;
        event.preventDefault();
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
        void uploadFiles(files, at);
        return true;
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
        sentRef.current = [...sentRef.current.slice(-49), markdown];
        onChangeRef.current(markdown);
      }
    },
  });

  useEffect(() => {
    editorRef.current = editor;
  }, [editor]);

  async function saveDetails(target: DetailsTarget, values: ImageDetails, toLibrary: boolean): Promise<string | null> {
    if (!editor || editor.isDestroyed) return null;
    const pos = findImage(editor, target.src, target.pos);
    if (pos === null) return "That image is no longer in the story.";
    editor.chain().setNodeSelection(pos).updateAttributes("image", values).run();
    if (!toLibrary) return null;
    const result = await saveImageDefaultsAction({ url: target.src, ...values });
    if (result?.ok && result.data) {
      replaceLibraryImage(result.data);
      return null;
    }
    const why = result && !result.ok ? (result.fieldErrors?.alt?.[0] ?? result.message) : undefined;
    return `The details are set on this use of the image, but not saved to the library: ${why ?? "try again."}`;
  }

  // A new value from outside replaces the content: through the handle (a merge), at once; through `value`, unless it
  // is one of our own echoes (the latest, or a stale one rendered late). A value taken in through the handle comes
  // back through `value` as the latest known, so it is not taken in twice. The echoes from before a take-in stay
  // known: under load React can commit a render of an older body after the merge was put on screen, and taking that
  // in would put the older body back for a moment and drop what was typed meanwhile (a space typed right after
  // switching Italic off, in e2e/editor-merge.spec.ts).
  const show = useCallback(
    (markdown: string) => {
      if (!editor || editor.isDestroyed || markdown === knownRef.current) return;
      knownRef.current = markdown;
      // Rendered late after newer edits, it too is stale.
      sentRef.current = [...sentRef.current.slice(-49), markdown];
      if (editor.getMarkdown() !== markdown) takeIn(editor, markdown);
    },
    [editor],
  );
  useEffect(() => {
    if (!sentRef.current.includes(value)) show(value);
  }, [show, value]);
  useImperativeHandle(handle, () => ({ takeIn: show }), [show]);

  useEffect(() => {
    // setEditable emits an "update" by default; it is not an edit.
    editor?.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  return (
    <div className="rounded border border-neutral-400 bg-white dark:border-neutral-600 dark:bg-neutral-900">
      {editor && !readOnly && <Toolbar editor={editor} images={images} onDetails={ask} />}
      {uploading.length > 0 && (
        <p role="status" className="flex items-center gap-2 border-b border-neutral-300 px-4 py-2 text-sm dark:border-neutral-700">
          <progress aria-label="Uploading images" className="h-2 w-24" /> Uploading {uploading.join(", ")}…
        </p>
      )}
      {uploadError && (
        <div role="alert" className="flex items-start justify-between gap-2 border-b border-red-300 bg-red-50 px-4 py-2 text-sm font-medium text-red-800 dark:bg-red-950 dark:text-red-200">
          <span>{uploadError}</span>
          <button type="button" onClick={() => setUploadError(null)} className="underline">
            Dismiss
          </button>
        </div>
      )}
      <EditorContent editor={editor} />
      {details && (
        <ImageDetailsDialog
          key={`${details.src}-${details.pos}`}
          title={details.fresh ? "Describe the image you added" : "Image details"}
          src={details.src}
          initial={details.initial}
          saveToLibraryDefault={details.fresh && !details.initial.alt}
          onSave={(values, toLibrary) => saveDetails(details, values, toLibrary)}
          onClose={() => {
            setAsking((list) => list.slice(1));
            editor?.commands.focus();
          }}
        />
      )}
    </div>
  );
}

/** Puts a library image into the story (at `at`, or where the cursor is) with its defaults, and asks its details. */
function insertImage(editor: Editor, image: LibraryImage, at: number | undefined, fresh: boolean, ask: (target: DetailsTarget) => void) {
  const attrs = { src: image.url, alt: image.alt, caption: image.caption, credit: image.credit };
  const where = at === undefined ? null : Math.max(0, Math.min(at, editor.state.doc.content.size));
  const chain = editor.chain().focus();
  (where === null ? chain.insertContent({ type: "image", attrs }) : chain.insertContentAt(where, { type: "image", attrs })).run();
  const pos = findImage(editor, image.url);
  if (fresh || !image.alt) ask({ src: image.url, pos: pos ?? 0, initial: detailsOf(attrs), fresh: true });
}

function Toolbar({
  editor,
  images,
  onDetails,
}: {
  editor: Editor;
  images: PickableImage[];
  onDetails: (target: DetailsTarget) => void;
}) {
  const [picking, setPicking] = useState(false);
  const library = useMediaLibrary();
  // The page's list until the library has been read (the picker reads it whenever it opens).
  const choices: LibraryImage[] = library.images.length
    ? library.images
    : images.map((i) => ({ id: i.url, url: i.url, thumbnailUrl: i.url, alt: i.alt, caption: "", credit: "", name: i.name, width: 0, height: 0 }));
  const selected = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const selection = e.state.selection;
      if (!(selection instanceof NodeSelection) || selection.node.type.name !== "image") return null;
      return { pos: selection.from, src: String(selection.node.attrs.src ?? ""), ...detailsOf(selection.node.attrs) };
    },
    equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
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
          // A click keeps the focus (and the caret) in the story: Tiptap gives it back only on the next animation
          // frame, and a key typed before then went to the button and was lost (the space typed right after
          // switching Italic off: "*slanted*to finish", e2e/editor-merge.spec.ts). Keyboard users still Tab here.
          onMouseDown={(event) => event.preventDefault()}
          onClick={button.run}
          className="min-h-9 min-w-9 rounded px-2 text-sm font-bold hover:bg-neutral-100 aria-pressed:bg-neutral-900 aria-pressed:text-white dark:hover:bg-neutral-800 dark:aria-pressed:bg-neutral-100 dark:aria-pressed:text-neutral-900"
        >
          {button.text}
        </button>
      ))}
      <button
        type="button"
        aria-label="Image"
        title="Insert an image from the media library, or upload one"
        aria-expanded={picking}
        onClick={() => {
          if (!picking) void library.refresh();
          setPicking(!picking);
        }}
        className="min-h-9 rounded px-2 text-sm font-bold hover:bg-neutral-100 dark:hover:bg-neutral-800"
      >
        Image
      </button>
      {selected && (
        <button
          type="button"
          title="Alt text, caption and credit of the selected image"
          onClick={() => onDetails({ src: selected.src, pos: selected.pos, initial: { alt: selected.alt, caption: selected.caption, credit: selected.credit }, fresh: false })}
          className="min-h-9 rounded border border-neutral-400 px-2 text-sm font-semibold hover:bg-neutral-100 dark:border-neutral-600 dark:hover:bg-neutral-800"
        >
          Image details{selected.alt ? "" : " (needs alt text)"}
        </button>
      )}
      {picking && (
        <div className="basis-full space-y-2" role="group" aria-label="Insert an image">
          <MediaUploadButton
            label="Upload an image"
            onUploaded={(image) => {
              setPicking(false);
              insertImage(editor, image, undefined, true, onDetails);
            }}
          />
          {choices.length === 0 ? (
            <p className="text-sm">No images in the library yet: upload one, or drop or paste an image into the story.</p>
          ) : (
            <ul className="flex flex-wrap gap-2" aria-label="Images to insert">
              {choices.map((image) => (
                <li key={image.id}>
                  <button
                    type="button"
                    onClick={() => {
                      setPicking(false);
                      insertImage(editor, image, undefined, false, onDetails);
                    }}
                    className="rounded border border-neutral-300 p-1 text-left text-xs hover:border-neutral-900"
                  >
                    {/* eslint-disable-next-line @next/next/no-img-element -- a thumbnail of our own media route */}
                    <img src={image.thumbnailUrl} alt="" width={96} height={64} className="h-16 w-24 object-cover" />
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

/** Puts new Markdown on screen (takeInStep), or sets it whole when it cannot be read as blocks. */
function takeIn(editor: Editor, markdown: string) {
  const step = editor.markdown ? takeInStep(editor.state, editor.markdown, markdown) : "whole";
  if (step === "whole") editor.commands.setContent(markdown, { contentType: "markdown", emitUpdate: false });
  else if (step) editor.view.dispatch(step);
}
