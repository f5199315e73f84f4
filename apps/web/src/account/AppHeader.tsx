import { AppLink } from "../ui/AppLink.tsx";
import { AccountMenu } from "./AccountMenu.tsx";
import { useAccount } from "./accountStore.ts";

/**
 * The bar above the app's own pages: the brand (home), and who is signed in (their menu) or a
 * way to sign in. The sign-in pages show the brand alone.
 */
export function AppHeader({ account = true }: { account?: boolean }) {
  const { me } = useAccount();
  return (
    <header className="app-header">
      <AppLink className="brand" href="/">
        <span className="brand-mark" aria-hidden="true">
          ∿
        </span>
        Journeymap
      </AppLink>
      {account && me && <AccountMenu me={me} />}
      {account && me === null && window.location.pathname !== "/" && (
        <AppLink className="btn app-header-end" href="/sign-in" data-testid="account.sign-in">
          Sign in
        </AppLink>
      )}
    </header>
  );
}
