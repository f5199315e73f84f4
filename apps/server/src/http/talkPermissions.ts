/** Which share roles and API actions may use which contribution operation. */
import type { Grant } from "../auth/AccessService.ts";
import type { ApiAction, Role } from "../auth/tokens.ts";

export type ContribOperation = "outline" | "submit" | "list" | "import";

const BY_ROLE: Readonly<Record<ContribOperation, readonly Role[]>> = {
  outline: ["owner", "editor", "commenter", "viewer", "contributor"],
  submit: ["owner", "editor", "commenter", "contributor"],
  list: ["owner", "editor", "commenter", "viewer"],
  import: ["owner", "editor"],
};

const BY_ACTION: Readonly<Record<ContribOperation, readonly ApiAction[]>> = {
  outline: ["map:read", "evidence:write"],
  submit: ["evidence:write"],
  list: ["map:read"],
  import: ["evidence:write"],
};

export function mayDo(grant: Grant, operation: ContribOperation): boolean {
  return grant.kind === "share"
    ? BY_ROLE[operation].includes(grant.role)
    : grant.actions.some((a) => BY_ACTION[operation].includes(a));
}
