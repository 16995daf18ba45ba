// Refusals the data layer raises on purpose. Their messages are written for the person at the form.

export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor(message = "That story does not exist, or you cannot see it.") {
    super(message);
  }
}

/** Deleting something that is still in use (a section, tag or byline that stories carry): refused, saying how to proceed. */
export class InUseError extends Error {
  override name = "InUseError";
}

export class ValidationError extends Error {
  override name = "ValidationError";
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

export interface ConflictDetails {
  currentVersion: number;
  savedBy: string | null;
  savedAt: Date;
}

/** A save that started from an older version than the one stored: never applied, never silently merged. */
export class ConflictError extends Error {
  override name = "ConflictError";
  constructor(readonly details: ConflictDetails) {
    super(
      `${details.savedBy ?? "Someone"} saved this story at ${details.savedAt.toISOString().slice(11, 16)} UTC, after you started editing. ` +
        "Your changes were not saved. Reload to get their version, or compare the two first.",
    );
  }
}
