import { fieldErrors } from "@/lib/actions/result";
import { storyFieldsSchema } from "@/lib/validation/stories";
import type { EditorFields } from "./fields";

/** The same schema the save action checks, run on screen: each field's messages before the server is asked. */
export function validateFields(fields: EditorFields): Record<string, string[]> {
  const parsed = storyFieldsSchema.safeParse(fields);
  return parsed.success ? {} : fieldErrors(parsed.error);
}
