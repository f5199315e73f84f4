import { lazy, Suspense } from "react";
import { useAccount } from "../account/accountStore.ts";
import { SignedOutHome } from "./SignedOutHome.tsx";

// Its own chunk: it needs the protocol's schemas (zod), which the signed-out page does without.
const SignedInHome = lazy(() => import("./SignedInHome.tsx"));

const loading = (
  <div className="page" aria-busy="true">
    <p className="page-lede">Loading…</p>
  </div>
);

/** The home page: my maps from the server when signed in; signing in and this device's maps when not. */
export function MapListPage() {
  const { me, instance } = useAccount();
  if (me === undefined) return loading;
  if (me === null) return <SignedOutHome instance={instance} />;
  return (
    <Suspense fallback={loading}>
      <SignedInHome me={me} />
    </Suspense>
  );
}
