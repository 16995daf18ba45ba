import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/lib/distribution/names";
import { webhookUrlProblem } from "@/lib/distribution/url-check";

/** The newsroom's "Add endpoint" form: an address webhooks may go to, at least one event, an optional note. */
export const webhookEndpointSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, "Enter the address events are sent to.")
    .superRefine((value, ctx) => {
      const problem = webhookUrlProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  // Checkboxes named "events": one value per ticked box (formObject keeps repeated names as a list).
  events: z
    .union([z.enum(WEBHOOK_EVENTS), z.array(z.enum(WEBHOOK_EVENTS, { message: "Choose events from the list." }))], { message: "Choose events from the list." })
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? [...new Set(value)] : [value]))
    .refine((events) => events.length > 0, "Choose at least one event."),
  description: z.string().trim().max(200, "Use at most 200 characters.").default(""),
});

export type WebhookEndpointInput = z.output<typeof webhookEndpointSchema>;

export const webhookEndpointIdSchema = z.object({ id: z.string().trim().min(1).max(40).regex(/^[a-z0-9]+$/i, "Unknown endpoint.") });

export const webhookActiveSchema = webhookEndpointIdSchema.extend({ active: z.enum(["true", "false"]).transform((value) => value === "true") });
