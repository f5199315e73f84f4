import { useEffect, useState } from "react";
import { navigate, returnPath } from "../router.ts";
import { useAccount } from "./accountStore.ts";
import { AuthLayout } from "./AuthLayout.tsx";
import { SignInForm } from "./SignInForm.tsx";
import { SignUpForm } from "./SignUpForm.tsx";

/**
 * /sign-in and /sign-up (`?next=` says where to go afterwards). A fresh instance shows
 * "Create the admin account" on either; someone already signed in goes straight on.
 */
export default function AccountEntryPage({ signUp }: { signUp: boolean }) {
  const { me, instance } = useAccount();
  const [next] = useState(() =>
    returnPath(new URLSearchParams(window.location.search).get("next")),
  );
  useEffect(() => {
    if (me) navigate(next);
  }, [me, next]);

  const closed = signUp && instance !== null && !instance.signUp;
  return (
    <AuthLayout>
      {instance?.needsAdmin ? (
        <SignUpForm next={next} firstAdmin />
      ) : !signUp || closed ? (
        <>
          {closed && (
            <p className="form-note" role="status">
              Sign-up is closed on this server: ask an admin for an invitation.
            </p>
          )}
          <SignInForm instance={instance} next={next} />
        </>
      ) : (
        <SignUpForm next={next} />
      )}
    </AuthLayout>
  );
}
