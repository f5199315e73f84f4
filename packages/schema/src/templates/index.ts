import { BLANK_TEMPLATE, DEFAULT_TEMPLATE } from "./default.ts";
import type { Template } from "./Template.ts";

export const TEMPLATES: readonly Template[] = [DEFAULT_TEMPLATE, BLANK_TEMPLATE];

export function findTemplate(id: string | undefined): Template | undefined {
  return TEMPLATES.find((t) => t.id === (id ?? DEFAULT_TEMPLATE.id));
}
