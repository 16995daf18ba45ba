// The id of the story list's bulk form: its rows' checkboxes join it through their `form` attribute. A plain module,
// because a constant imported from a "use client" module is a client reference on the server, not the string.
export const STORY_BULK_FORM = "story-bulk";
