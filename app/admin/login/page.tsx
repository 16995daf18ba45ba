import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/admin/auth-card";
import { LoginForm } from "@/components/admin/login-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/dal/session";
import { isSetupOpen } from "@/lib/dal/users";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  if (await isSetupOpen()) redirect("/admin/setup");
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const setupDone = params.setup === "done" || params.password === "set";
  return (
    <AuthCard title="Sign in" intro={setupDone ? <p role="status">Your account is ready. Sign in with the email and password you just chose.</p> : undefined}>
      <LoginForm callbackUrl={callbackUrl} initialEmail={typeof params.email === "string" ? params.email.slice(0, 254) : ""} />
    </AuthCard>
  );
}
