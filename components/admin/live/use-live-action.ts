"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionState } from "@/lib/actions/result";

export interface ActionMessage {
  ok: boolean;
  text: string;
  fieldErrors?: Record<string, string[]>;
}

/** Runs one live desk action, keeps its answer for the form, and refreshes the desk from the server when it worked. */
export function useLiveAction() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const run = <T,>(action: () => Promise<ActionState<T>>, onDone?: () => void) =>
    start(async () => {
      const result = await action();
      if (!result) return;
      const errors = result.ok ? [] : Object.values(result.fieldErrors ?? {}).flat();
      setMessage({ ok: result.ok, text: [result.message, ...errors].filter(Boolean).join(" "), fieldErrors: result.ok ? undefined : result.fieldErrors });
      if (result.ok) {
        onDone?.();
        router.refresh();
      }
    });
  return { pending, message, setMessage, run };
}
