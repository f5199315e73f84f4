import "./GuestMark.css";

/**
 * "guest" beside a name: someone who came by a link without an account, so the name is the
 * one they typed, not an account's. Shown in presence, comments and history. The word is the
 * stylesheet's (::after): it is a mark on the name, not part of it, so copying or reading the
 * name's text gives the name alone.
 */
export function GuestMark({ guest }: { guest: boolean | undefined }) {
  if (guest !== true) return null;
  return (
    <span
      className="guest-mark"
      data-testid="guest-mark"
      title="Came by a link, without an account"
    />
  );
}
