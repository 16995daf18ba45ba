"use client";
import { useState, type FormEvent } from "react";
import Link from "@/components/admin/newsroom-link";
import { signIn } from "next-auth/react";
import { buttonClass } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/field";
import { describeSignInError, type SignInErrorView } from "@/lib/auth/sign-in-errors";

export function LoginForm({ callbackUrl, initialEmail = "" }: { callbackUrl: string; initialEmail?: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<SignInErrorView | null>(null);
  const [needsCode, setNeedsCode] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      code: String(form.get("code") ?? ""),
    });
    if (result?.ok && !result.error) {
      // A full navigation, so every server component reads the new session cookie.
      window.location.assign(callbackUrl);
      return;
    }
    const view = describeSignInError(result?.error ?? "invalid");
    if (view.kind === "two-factor-required" || view.kind === "two-factor-invalid") setNeedsCode(true);
    setError(view);
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error && (
        <p role="alert" className={`rounded border px-3 py-2 text-sm ${error.kind === "two-factor-required" ? "border-neutral-400" : "border-red-700 bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100"}`}>
          {error.message}
        </p>
      )}
      <div className={needsCode ? "hidden" : "space-y-4"}>
        <div className="space-y-1">
          <label htmlFor="email" className="block text-sm font-semibold">
            Email
          </label>
          <input id="email" name="email" type="email" autoComplete="username" required defaultValue={initialEmail} className={inputClass} />
        </div>
        <div className="space-y-1">
          <label htmlFor="password" className="block text-sm font-semibold">
            Password
          </label>
          <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} />
        </div>
      </div>
      {needsCode && (
        <div className="space-y-1">
          <label htmlFor="code" className="block text-sm font-semibold">
            Authentication code
          </label>
          <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" autoFocus required className={inputClass} />
          <p className="text-sm text-neutral-600 dark:text-neutral-400">Six digits from your authenticator app, or one of your recovery codes.</p>
        </div>
      )}
      <button type="submit" disabled={pending} className={`${buttonClass("primary")} w-full`}>
        {pending ? "Signing in…" : needsCode ? "Verify" : "Sign in"}
      </button>
      {!needsCode && (
        <p className="text-center text-sm">
          <Link href="/admin/login/forgot" className="underline">
            Forgot password?
          </Link>
        </p>
      )}
    </form>
  );
}
