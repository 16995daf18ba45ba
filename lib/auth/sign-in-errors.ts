// The codes the credentials provider throws and the sign-in form turns into words. Shared by server and client.
export const SIGN_IN_ERRORS = {
  invalid: "invalid",
  throttled: "throttled",
  "two-factor-required": "two-factor-required",
  "two-factor-invalid": "two-factor-invalid",
} as const;

export interface SignInErrorView {
  kind: keyof typeof SIGN_IN_ERRORS;
  message: string;
}

/** Turns next-auth's error string into what the form shows. Never says whether an email exists. */
export function describeSignInError(error: string): SignInErrorView {
  const [code, seconds] = error.split(":");
  switch (code) {
    case "throttled": {
      const wait = Number(seconds) || 60;
      const minutes = Math.ceil(wait / 60);
      return {
        kind: "throttled",
        message: wait < 60 ? `Too many sign-in attempts. Try again in ${wait} seconds.` : `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      };
    }
    case "two-factor-required":
      return { kind: "two-factor-required", message: "Enter the six-digit code from your authenticator app, or a recovery code." };
    case "two-factor-invalid":
      return { kind: "two-factor-invalid", message: "That code did not work. Check your authenticator app and try again." };
    default:
      return { kind: "invalid", message: "The email or password is incorrect." };
  }
}
