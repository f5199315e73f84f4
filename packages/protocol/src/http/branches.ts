/**
 * Branches of maps (issue 17), the HTTP side: making a branch of a map at now or at a moment
 * of its history, listing a map's branches (who made them, how far they diverged), archiving
 * them, and the figures of a comparison. ROUTES spreads BRANCH_ROUTES in.
 *
 * Merging is not a route on purpose, as restoring is not: the merge is a forward edit the
 * person's client makes on the live original (one transaction, their origin), so it syncs,
 * merges with others' concurrent work, is attributed to them and can be undone. The client
 * reads the base (the original at the branch moment) and the branch with `getState`.
 */
import * as z from "zod/mini";
import { EDITORS, READERS } from "./access.ts";
import { described } from "./described.ts";
import { CreatedMap, MAX_MAP_TITLE } from "./maps.ts";
import { BAD_INPUT, RATE_LIMITED, refusal, TOO_LARGE } from "./refusals.ts";
import type { Payload, Route } from "./route.ts";

export const CreateBranchBody = z.strictObject({
  name: described(
    z.string().check(z.minLength(1), z.maxLength(MAX_MAP_TITLE)),
    "The branch's name (its map's title), e.g. “To-be: self-serve onboarding”.",
  ),
  seq: described(
    z.optional(z.int().check(z.minimum(0))),
    "The moment of the original to branch from, as a sequence number of its log (default: now).",
  ),
});
export type CreateBranchBody = z.output<typeof CreateBranchBody>;

export const BranchInfo = z.object({
  id: described(z.string(), "The branch's own map id."),
  name: z.string(),
  sourceMapId: described(z.string(), "The map it was made from."),
  sourceSeq: described(z.int(), "The moment of the original it starts from (a sequence number)."),
  createdAt: z.number(),
  createdBy: described(z.string(), "Who made it, by name."),
  archivedAt: z.nullable(z.number()),
  branchEdits: described(z.int(), "Edits made to the branch since it was made."),
  originalEdits: described(z.int(), "Edits made to the original since the branch moment."),
});
export type BranchInfo = Payload<typeof BranchInfo>;

export const BranchList = z.object({
  branchOf: described(z.nullable(BranchInfo), "Where this map came from, when it is a branch."),
  branches: z.array(BranchInfo),
});
export type BranchList = Payload<typeof BranchList>;

export const CreatedBranch = z.extend(CreatedMap, { branch: BranchInfo });
export type CreatedBranch = Payload<typeof CreatedBranch>;

export const ArchiveBranchBody = z.strictObject({ archived: z.boolean() });
export type ArchiveBranchBody = z.output<typeof ArchiveBranchBody>;

const Figure = z.object({ left: z.number(), right: z.number() });
export const BranchComparison = z.object({
  summary: described(
    z.string(),
    "One sentence: “To-be removes 4 steps and 2 channel switches; …”.",
  ),
  counts: z.object({ added: z.int(), removed: z.int(), moved: z.int(), changed: z.int() }),
  steps: Figure,
  channelSwitches: Figure,
  handOffs: Figure,
  personas: z.array(
    z.object({
      personaId: z.string(),
      name: z.string(),
      low: z.object({ left: z.nullable(z.number()), right: z.nullable(z.number()) }),
      average: z.object({ left: z.nullable(z.number()), right: z.nullable(z.number()) }),
    }),
  ),
});
export type BranchComparison = Payload<typeof BranchComparison>;

import { BRANCH_TOKEN_HEADER } from "../headers.ts";

export { BRANCH_TOKEN_HEADER };

const REFUSED = {
  401: refusal("Missing, invalid, expired or revoked token, and not signed in."),
  403: refusal("Your role may not do this; the message says."),
  404: refusal("No such branch of this map."),
};
const BRANCH_PATH = "/api/maps/{mapId}/branches/{branchId}";

export const BRANCH_ROUTES = {
  createBranch: {
    method: "POST",
    path: "/api/maps/{mapId}/branches",
    summary: "Branch the map at now or at a moment of its history",
    description:
      "The branch is a map of its own, in the original's workspace when the caller may add maps there (else a links-only map); the answer carries its owner's token. The branch moment is also named as a version of the original, which keeps it from retention.",
    access: EDITORS,
    body: { schema: CreateBranchBody },
    responses: { 201: { description: "The branch.", schema: CreatedBranch } },
    errors: {
      ...BAD_INPUT,
      ...TOO_LARGE,
      ...RATE_LIMITED,
      ...REFUSED,
      410: refusal("The moment is no longer in the map's history."),
      416: refusal("The moment is after the map's last edit."),
    },
  },
  listBranches: {
    method: "GET",
    path: "/api/maps/{mapId}/branches",
    summary: "The map's branches, and the map it is a branch of",
    access: READERS,
    responses: { 200: { description: "Branches.", schema: BranchList } },
    errors: { ...RATE_LIMITED, ...REFUSED },
  },
  archiveBranch: {
    method: "POST",
    path: `${BRANCH_PATH}/archive`,
    summary: "Archive a branch (or bring it back)",
    access: EDITORS,
    body: { schema: ArchiveBranchBody },
    responses: { 200: { description: "The branch.", schema: BranchInfo } },
    errors: { ...BAD_INPUT, ...RATE_LIMITED, ...REFUSED },
  },
  compareBranch: {
    method: "GET",
    path: `${BRANCH_PATH}/compare`,
    summary: "The journey figures of the map and its branch side by side",
    description:
      "For callers who may read both maps (the same session, or the branch's token in `journeymap-branch-token`).",
    access: READERS,
    headers: {
      [BRANCH_TOKEN_HEADER]: {
        schema: z.string().check(z.maxLength(2048)),
        description: "A token of the branch, when the bearer token is the original's.",
      },
    },
    responses: { 200: { description: "The comparison.", schema: BranchComparison } },
    errors: { ...RATE_LIMITED, ...REFUSED },
  },
} as const satisfies Readonly<Record<string, Route>>;
