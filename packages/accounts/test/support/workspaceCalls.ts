/** The organization plugin's HTTP calls the workspace tests make, as the web app will. */
import type { TestBrowser } from "./TestBrowser.ts";

export async function createWorkspace(browser: TestBrowser, name: string): Promise<{ id: string }> {
  const response = await browser.post("/api/auth/organization/create", {
    name,
    slug: name.toLowerCase(),
  });
  if (response.status !== 200) throw new Error(`no workspace: ${await response.text()}`);
  return (await response.json()) as { id: string };
}

export function invite(
  browser: TestBrowser,
  workspaceId: string,
  email: string,
  role: string,
): Promise<Response> {
  return browser.post("/api/auth/organization/invite-member", {
    email,
    role,
    organizationId: workspaceId,
  });
}
