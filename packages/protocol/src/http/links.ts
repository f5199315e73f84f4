/**
 * Share links and API tokens, which the owner of a map lists, creates and revokes: with the
 * owner's link, or signed in with the owner role on the map.
 */
import * as z from "zod/mini";
import type { Payload } from "./route.ts";
import { API_ACTIONS, ROLES } from "../roles.ts";
import { described } from "./described.ts";

/** What the owner calls a link ("Sales team link"): optional, so "" is no name. */
const LinkLabel = z.string().check(z.trim(), z.maxLength(100));

export const CreateLinkBody = z.strictObject({
  role: z.optional(z.enum(ROLES)),
  actions: described(
    z.optional(z.array(z.enum(API_ACTIONS)).check(z.minLength(1))),
    "An API token's actions instead of a role.",
  ),
  label: z.optional(LinkLabel),
  expiresInDays: z.optional(z.number().check(z.positive(), z.maximum(3650))),
});
export type CreateLinkBody = z.infer<typeof CreateLinkBody>;

export const ShareLink = z.object({
  id: z.string(),
  mapId: z.string(),
  role: described(z.string(), 'A role, or "api" for an API token.'),
  label: z.string(),
  createdAt: z.number(),
  expiresAt: z.nullable(z.number()),
  revokedAt: z.nullable(z.number()),
  createdBy: described(
    z.nullable(z.string()),
    "The account that created it; null when a link's token did (or before accounts).",
  ),
  createdByName: described(
    z.optional(z.nullable(z.string())),
    "The name of the account that created it, as it is now; null when createdBy is.",
  ),
});
export type ShareLink = Payload<typeof ShareLink>;
export const ShareLinkList = z.array(ShareLink);

/** A new link and its token (shown once: only the link is listed afterwards). */
export const IssuedLink = z.object({ link: ShareLink, token: z.string() });
export type IssuedLink = Payload<typeof IssuedLink>;

export const RenameLinkBody = z.strictObject({ label: LinkLabel });
export type RenameLinkBody = z.infer<typeof RenameLinkBody>;

/**
 * A live share link's token again, for "Copy" (tokens are signed claims of the stored link,
 * so the server signs them anew and stores none).
 */
export const LinkToken = z.object({ token: z.string() });
export type LinkToken = Payload<typeof LinkToken>;
