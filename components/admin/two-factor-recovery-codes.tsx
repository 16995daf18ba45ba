/** The freshly issued recovery codes, shown once, with a way to keep them. */
export function TwoFactorRecoveryCodes({ codes }: { codes: string[] }) {
  const download = `data:text/plain;charset=utf-8,${encodeURIComponent(
    `BreakingOn newsroom recovery codes\nEach code signs you in once, instead of an authenticator code.\n\n${codes.join("\n")}\n`,
  )}`;
  return (
    <div className="space-y-3 rounded border border-amber-600 bg-amber-50 p-4 text-amber-950 dark:bg-amber-950 dark:text-amber-50">
      <h3 className="font-bold">Your recovery codes</h3>
      <p className="text-sm">
        If you lose your phone, each of these codes signs you in once, in place of a code from the app. Store them somewhere safe now, such as your
        password manager or a printed copy: <strong>they will not be shown again.</strong>
      </p>
      <ol data-testid="recovery-codes" className="grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-base sm:grid-cols-3">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <a href={download} download="breakingon-recovery-codes.txt" className="inline-block text-sm font-semibold underline underline-offset-4">
        Download the codes as a text file
      </a>
    </div>
  );
}
