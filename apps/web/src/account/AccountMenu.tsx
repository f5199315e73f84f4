import type { Me } from "@journeymap/protocol/http";
import { LogOut, Shield } from "lucide-react";
import { revokeAllSessions, signOut } from "../api/authClient.ts";
import { ActionButton } from "../ui/ActionButton.tsx";
import { AppLink } from "../ui/AppLink.tsx";
import { Avatar } from "../ui/Avatar.tsx";
import { useAction } from "../ui/useAction.ts";
import { usePopover } from "../ui/usePopover.ts";
import { administers } from "./accountStore.ts";
import { authMessage } from "./authMessages.ts";
import { SessionList } from "./SessionList.tsx";
import { signOutDevice } from "./signOutDevice.ts";
import "./AccountMenu.css";
import { FormError } from "../ui/FormError.tsx";

/** The signed-in person's avatar; opens who they are, where they are signed in, sign-out. */
export function AccountMenu({ me }: { me: Me }) {
  const { open, setOpen, ref } = usePopover<HTMLDivElement>();
  const action = useAction(authMessage);
  const { user } = me;

  return (
    <div className="account-menu" ref={ref}>
      <button
        type="button"
        className="account-button"
        aria-expanded={open}
        aria-label={`Your account: ${user.name}`}
        data-testid="account.menu"
        onClick={() => setOpen(!open)}
      >
        <Avatar name={user.name} colour={user.color} />
        <span className="account-name">{user.name}</span>
      </button>
      {open && (
        <div className="popover-panel account-panel" role="dialog" aria-label="Your account">
          <div className="account-who">
            <Avatar name={user.name} colour={user.color} large />
            <div>
              <strong data-testid="account.name">{user.name}</strong>
              <div className="panel-note">{user.email}</div>
              {user.admin && <div className="panel-note">Administers this server</div>}
            </div>
          </div>
          {administers(me) && (
            <AppLink href="/admin" className="btn btn--ghost" data-testid="account.admin">
              <Shield size={14} aria-hidden="true" /> Admin: people and workspaces
            </AppLink>
          )}
          <SessionList />
          <FormError error={action.error} />
          <div className="account-actions">
            <ActionButton
              action={action}
              testId="account.sign-out"
              run={() => signOutDevice(signOut)}
            >
              <LogOut size={14} aria-hidden="true" /> Sign out
            </ActionButton>
            <ActionButton
              action={action}
              look="ghost"
              testId="account.sign-out-everywhere"
              run={() => signOutDevice(revokeAllSessions)}
            >
              Sign out everywhere
            </ActionButton>
          </div>
          <p className="panel-note">
            Signing out removes your maps' offline copies and links from this device.
          </p>
        </div>
      )}
    </div>
  );
}
