// How long a newsroom session lasts. Idle: a session not used for this long ends (the admin pings the session
// endpoint while someone is active, which re-issues the cookie). Absolute: a session ends this long after sign-in,
// however active, so a stolen cookie cannot live forever.
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * 60 * 60;
/** How often an active editor's browser refreshes its session cookie. */
export const SESSION_REFRESH_SECONDS = 5 * 60;

/** Whether a session that began at `authTime` (seconds since the epoch) is past its absolute lifetime. */
export function isPastAbsoluteLifetime(authTime: number | undefined, now: number = Date.now()): boolean {
  return typeof authTime !== "number" || now / 1000 - authTime > SESSION_ABSOLUTE_SECONDS;
}
