/**
 * The signed-in person and the instance, as the web app asks before showing anything: who am
 * I (GET /api/me) and how may people sign in here (GET /api/instance). Signing in, out and up
 * is better-auth's, under /api/auth/* (documented there, not in this table).
 */
import * as z from "zod/mini";
import { WORKSPACE_ROLES } from "../roles.ts";
import { described } from "./described.ts";
import type { Payload } from "./route.ts";

export const MeWorkspace = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(WORKSPACE_ROLES),
});
export type MeWorkspace = Payload<typeof MeWorkspace>;

export const Me = z.object({
  user: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    color: described(z.string(), "The person's colour in presence and history (#rrggbb)."),
    admin: described(z.boolean(), "Instance admin: manages people and the instance."),
  }),
  workspaces: z.array(MeWorkspace),
});
export type Me = Payload<typeof Me>;

export const Instance = z.object({
  needsAdmin: described(
    z.boolean(),
    "No account exists yet: the first sign-up becomes the instance's admin.",
  ),
  signUp: described(z.boolean(), "Anyone may create an email + password account."),
  singleSignOn: z.object({
    enabled: z.boolean(),
    name: described(z.string(), 'What the sign-in button calls the provider ("Sign in with …").'),
  }),
  smtp: described(z.boolean(), "Password resets can be mailed (else an admin resets them)."),
});
export type Instance = Payload<typeof Instance>;
