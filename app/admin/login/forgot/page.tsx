import type { Metadata } from "next";
import Link from "@/components/admin/newsroom-link";
import { AuthCard } from "@/components/admin/auth-card";
import { ForgotPasswordForm } from "@/components/admin/forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <AuthCard title="Forgot your password?" intro={<p>Enter the email you sign in with. If it belongs to an account, we email you a link to choose a new password.</p>}>
      <ForgotPasswordForm />
      <p className="mt-4 text-sm">
        <Link href="/admin/login" className="underline">
          Back to sign in
        </Link>
      </p>
    </AuthCard>
  );
}
