"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { heartbeatAction, leaveStoryAction, type HeartbeatView } from "@/lib/actions/stories/presence";

const HEARTBEAT_MS = 5_000;
/** At most one "typing" report this often; the server counts a report as typing for 8 s. */
const TYPING_REPORT_MS = 3_000;

/**
 * The soft lock: a heartbeat every few seconds says this person has the story open, and a keystroke says they are
 * typing. Answers who else is there and typing, and hands the stored version to `onVersion`.
 */
export function usePresence(id: string, onVersion: (version: number) => void) {
  const [others, setOthers] = useState<HeartbeatView["others"]>([]);
  const lastTypingRef = useRef(0);
  const onVersionRef = useRef(onVersion);
  useEffect(() => {
    onVersionRef.current = onVersion;
  });
  const stoppedRef = useRef(false);

  const beat = useCallback(
    async (typing: boolean) => {
      const result = await heartbeatAction({ id, typing });
      if (stoppedRef.current || !result?.ok || !result.data) return;
      const seen = new Map<string, HeartbeatView["others"][number]>();
      for (const person of result.data.others) if (!seen.get(person.name)?.typing) seen.set(person.name, person);
      setOthers([...seen.values()]);
      if (result.data.version) onVersionRef.current(result.data.version);
    },
    [id],
  );

  useEffect(() => {
    stoppedRef.current = false;
    void beat(false);
    const timer = setInterval(() => void beat(false), HEARTBEAT_MS);
    return () => {
      stoppedRef.current = true;
      clearInterval(timer);
      void leaveStoryAction({ id });
    };
  }, [id, beat]);

  const typed = useCallback(() => {
    const now = Date.now();
    if (now - lastTypingRef.current < TYPING_REPORT_MS) return;
    lastTypingRef.current = now;
    void beat(true);
  }, [beat]);

  return { others, typed };
}

/** "Ana is typing…", "Ana has this story open", or both lists in one line. */
export function presenceText(others: HeartbeatView["others"]): string | null {
  const list = (names: string[]) => (names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`);
  const typing = others.filter((p) => p.typing).map((p) => p.name);
  const open = others.filter((p) => !p.typing).map((p) => p.name);
  const parts = [];
  if (typing.length) parts.push(`${list(typing)} ${typing.length === 1 ? "is" : "are"} typing…`);
  if (open.length) parts.push(`${list(open)} ${open.length === 1 ? "has" : "have"} this story open`);
  return parts.length ? parts.join(" · ") : null;
}
