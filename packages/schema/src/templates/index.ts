import { BLANK_TEMPLATE, DEFAULT_TEMPLATE } from "./default.ts";
import { ECOMMERCE_TEMPLATE } from "./ecommerce.ts";
import { SAAS_TRIAL_TEMPLATE } from "./saasTrial.ts";
import { SUPPORT_TICKET_TEMPLATE } from "./supportTicket.ts";
import type { Template } from "./Template.ts";

export const TEMPLATES: readonly Template[] = [
  DEFAULT_TEMPLATE,
  SAAS_TRIAL_TEMPLATE,
  ECOMMERCE_TEMPLATE,
  SUPPORT_TICKET_TEMPLATE,
  BLANK_TEMPLATE,
];

export function findTemplate(id: string | undefined): Template | undefined {
  return TEMPLATES.find((t) => t.id === (id ?? DEFAULT_TEMPLATE.id));
}
