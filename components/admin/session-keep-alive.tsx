"use client";
import { useEffect } from "react";
import { SESSION_REFRESH_SECONDS } from "@/lib/auth/session-policy";

// The session cookie expires after the idle lifetime; while someone is actually working, ask for the session now
// and then, which re-issues the cookie. Nobody at the keyboard: no refresh, and the session lapses.
export function SessionKeepAlive() {
  useEffect(() => {
    let last = Date.now();
    const onActivity = () => {
      if (Date.now() - last < SESSION_REFRESH_SECONDS * 1000) return;
      last = Date.now();
      void fetch("/api/auth/session", { credentials: "same-origin", cache: "no-store" });
    };
    const events = ["keydown", "pointerdown", "scroll"] as const;
    events.forEach((name) => window.addEventListener(name, onActivity, { passive: true }));
    return () => events.forEach((name) => window.removeEventListener(name, onActivity));
  }, []);
  return null;
}
