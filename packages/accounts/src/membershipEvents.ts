/**
 * Whose workspace access just changed: a member removed, a role changed, a workspace deleted.
 * The server learns it here (organization hooks, called after better-auth committed the
 * change) and closes or downgrades those people's live connections on every instance.
 * Leaving a workspace has no hook in better-auth: the server's periodic recheck catches it.
 */
import type { GenericEndpointContext } from "better-auth";

/** Called with the ids of the people whose access changed; must not throw. */
export type OnMembershipChanged = (userIds: readonly string[]) => void;

interface Member {
  readonly userId: string;
}

export function membershipEvents(notify: OnMembershipChanged) {
  /** Members of workspaces being deleted, read before their rows go. */
  const deleting = new Map<string, string[]>();
  return {
    afterRemoveMember: async ({ member }: { member: Member }) => notify([member.userId]),
    afterUpdateMemberRole: async ({ member }: { member: Member }) => notify([member.userId]),
    beforeDeleteOrganization: async (
      { organization }: { organization: { id: string } },
      ctx?: GenericEndpointContext,
    ) => {
      if (!ctx) return;
      const members = await ctx.context.adapter.findMany<Member>({
        model: "member",
        where: [{ field: "organizationId", value: organization.id }],
      });
      deleting.set(
        organization.id,
        members.map((m) => m.userId),
      );
    },
    afterDeleteOrganization: async ({ organization }: { organization: { id: string } }) => {
      const members = deleting.get(organization.id) ?? [];
      deleting.delete(organization.id);
      if (members.length > 0) notify(members);
    },
  };
}
