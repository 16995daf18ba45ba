/** A field's messages, from the on-screen check or the server's answer; `id` matches the field's aria-describedby. */
export function FieldError({ name, errors }: { name: string; errors: Record<string, string[]> }) {
  const messages = errors[name];
  if (!messages?.length) return null;
  return (
    <div id={`${name}-error`}>
      {[...new Set(messages)].map((message) => (
        <p key={message} className="text-sm font-medium text-red-700 dark:text-red-400">
          {message}
        </p>
      ))}
    </div>
  );
}
