"use client";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/admin/login" })} className="underline-offset-4 hover:underline">
      Sign out
    </button>
  );
}
