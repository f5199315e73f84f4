import type { ReactNode } from "react";
import { AppHeader } from "./AppHeader.tsx";
import "./account.css";

/** The frame of the sign-in pages: the brand, then one card. */
export function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <AppHeader account={false} />
      <main className="auth-page">
        <div className="auth-card">{children}</div>
      </main>
    </>
  );
}
