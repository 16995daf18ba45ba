"use client";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button-styles";

interface Props {
  title: ReactNode;
  children: ReactNode;
  confirmLabel: ReactNode;
  tone: "primary" | "danger";
  /** Which button has the focus when it opens: Cancel for a step that removes something, so Enter alone does not take it. */
  focus: "confirm" | "cancel";
  pending?: boolean;
  className?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A confirm step shown in place (an alertdialog): title, what will happen, confirm and Cancel; Escape cancels. */
export function InlineConfirm({ title, children, confirmLabel, tone, focus, pending = false, className = "", onConfirm, onCancel }: Props) {
  const id = useId();
  const confirm = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => (focus === "confirm" ? confirm : cancel).current?.focus(), [focus]);
  return (
    <div
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onKeyDown={(event) => event.key === "Escape" && onCancel()}
      className={`space-y-2 rounded border-2 p-3 ${className}`}
    >
      <p id={`${id}-title`} className="font-bold">
        {title}
      </p>
      <p id={`${id}-text`}>{children}</p>
      <div className="flex flex-wrap gap-2">
        <button ref={confirm} type="button" disabled={pending} onClick={onConfirm} className={buttonClass(tone)}>
          {confirmLabel}
        </button>
        <button ref={cancel} type="button" onClick={onCancel} className={buttonClass("secondary")}>
          Cancel
        </button>
      </div>
    </div>
  );
}
