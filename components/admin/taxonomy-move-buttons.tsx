"use client";
import { useActionState, useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import { moveSectionAction } from "@/lib/actions/sections/move-section";
import { buttonClass } from "@/components/ui/button-styles";
import type { ActionState } from "@/lib/actions/result";

function MoveButton({ direction, name, disabled }: { direction: "up" | "down"; name: string; disabled: boolean }) {
  const { pending, data } = useFormStatus();
  const moving = pending && data?.get("direction") === direction;
  return (
    <button
      type="submit"
      name="direction"
      value={direction}
      disabled={disabled || pending}
      aria-label={`Move ${name} ${direction}`}
      className={`${buttonClass("secondary")} min-w-18 px-2 whitespace-nowrap`}
    >
      {moving ? "Moving…" : direction === "up" ? "↑ Up" : "↓ Down"}
    </button>
  );
}

/**
 * Up/down for one section of the reader nav. Success is announced rather than shown (the row's new place is the
 * visible result; a note left in every moved row would go stale as soon as another moves); a refusal is shown.
 */
export function TaxonomyMoveButtons({ id, name, first, last }: { id: string; name: string; first: boolean; last: boolean }) {
  const form = useRef<HTMLFormElement>(null);
  const pressed = useRef<string | null>(null);
  const [state, action] = useActionState<ActionState, FormData>((previous, formData) => {
    pressed.current = String(formData.get("direction"));
    return moveSectionAction(previous, formData);
  }, null);
  // Reordering moves the row's DOM nodes, which drops keyboard focus: put it back on the button just pressed (or
  // its neighbour, once the section has reached the top or bottom) so it can be pressed again.
  useEffect(() => {
    if (!state || !form.current) return;
    const buttons = [...form.current.querySelectorAll<HTMLButtonElement>("button:not(:disabled)")];
    (buttons.find((button) => button.value === pressed.current) ?? buttons[0])?.focus();
  }, [state]);
  return (
    <form ref={form} action={action} className="space-y-1">
      <input type="hidden" name="id" value={id} />
      <div className="flex gap-2">
        <MoveButton direction="up" name={name} disabled={first} />
        <MoveButton direction="down" name={name} disabled={last} />
      </div>
      <p role="status" className={state && !state.ok ? "text-sm font-medium text-red-700 dark:text-red-400" : "sr-only"}>
        {state?.message}
      </p>
    </form>
  );
}
