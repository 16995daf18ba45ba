import type { ActionMessage as Message } from "./use-live-action";

export function ActionMessage({ message }: { message: Message | null }) {
  if (!message) return null;
  return (
    <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-green-800 dark:text-green-300" : "text-red-700 dark:text-red-400"}`}>
      {message.text}
    </p>
  );
}
