import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AuthCard } from "@/components/admin/auth-card";
import { SetupForm } from "@/components/admin/setup-form";
import { isSetupOpen } from "@/lib/dal/users";

export const metadata: Metadata = { title: "Set up the newsroom" };

export default async function SetupPage() {
  // First run only: once anyone has an account, this page is gone for good.
  if (!(await isSetupOpen())) notFound();
  return (
    <AuthCard title="Set up the newsroom" intro={<p>Create the owner account. The owner is an administrator and can invite the rest of the newsroom.</p>}>
      <SetupForm />
    </AuthCard>
  );
}
