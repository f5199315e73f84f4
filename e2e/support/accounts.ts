/**
 * What a person does with their account in the browser specs, in the words of the test ids:
 * sign up, sign in, sign out, join a workspace. Each waits until the page shows the result.
 */
import type { Page } from "playwright-core";

export interface Person {
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

async function fill(page: Page, fields: Readonly<Record<string, string>>): Promise<void> {
  for (const [testId, value] of Object.entries(fields)) await page.getByTestId(testId).fill(value);
  await page.getByTestId("auth.submit").click();
}

/** Signs up on whatever sign-up form the page shows (the home page's on a fresh server). */
export async function signUp(page: Page, person: Person): Promise<void> {
  await fill(page, {
    "auth.name": person.name,
    "auth.email": person.email,
    "auth.password": person.password,
  });
  await page.getByTestId("account.menu").waitFor();
}

/** Signs up on a fresh server's home page and creates the person's first workspace; its id. */
export async function signUpWithWorkspace(
  page: Page,
  person: Person,
  workspace = "Acme research",
): Promise<string> {
  await signUp(page, person);
  await page.getByTestId("workspace.name").fill(workspace);
  await page.getByTestId("workspace.create").click();
  await page.getByTestId("workspace.switch").waitFor();
  return page.getByTestId("workspace.switch").inputValue();
}

export async function signIn(page: Page, baseUrl: string, person: Person): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await fill(page, { "auth.email": person.email, "auth.password": person.password });
  await page.getByTestId("account.menu").waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId("account.menu").click();
  await page.getByTestId("account.sign-out").click();
  await page.getByTestId("home.sign-in").waitFor();
}
