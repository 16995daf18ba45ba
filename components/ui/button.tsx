"use client";
import type { ButtonHTMLAttributes } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass, type ButtonVariant } from "./button-styles";

/** A submit button that shows the form's pending state (and cannot be pressed twice while it is pending). */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { pendingLabel?: string; variant?: ButtonVariant }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" {...props} disabled={pending || props.disabled} aria-disabled={pending || props.disabled} className={`${buttonClass(variant)} ${props.className ?? ""}`}>
      {pending ? (pendingLabel ?? "Saving…") : children}
    </button>
  );
}
