/** Signing in to a test server over HTTP as the web app does. */

/** The session cookie (`name=value`), or null when the sign-in is refused. */
export async function signIn(url: string, email: string, password: string): Promise<string | null> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) return null;
  const cookie = res.headers.getSetCookie().find((c) => c.includes("session_token="));
  return cookie?.split(";")[0] ?? null;
}
