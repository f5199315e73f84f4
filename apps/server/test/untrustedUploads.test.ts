/**
 * H2 against a real server: hostile uploads to the import routes (Mermaid lines that made a
 * regex backtrack for seconds, a 1,000,000-column CSV header, JSON nested 1.9 M deep) are
 * refused with a short 4xx while two live editors keep editing, and a large legitimate
 * import is read off the server's loop.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Canary, expectCanaryHealthy, startCanary } from "./support/canary.ts";
import { startServer, type TestServer } from "./support/server.ts";
import { createMap, ownerToken } from "./support/maps.ts";

let server: TestServer;
let mapId: string;

beforeAll(async () => {
  server = await startServer();
  mapId = await createMap(server, { title: "Inbox" });
}, 30_000);

afterAll(() => server.dispose());

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "content-type": "text/plain", ...headers },
    body,
  });

/** Status and text of a refusal; the text must stay short whatever was uploaded. */
async function refusal(res: Response): Promise<{ status: number; text: string }> {
  const text = await res.text();
  expect(text.length).toBeLessThan(2000);
  return { status: res.status, text };
}

const SPACES = " ".repeat(128 * 1024);
const MANY_COLUMNS = "c,".repeat(1_000_000);

describe("H2: hostile uploads", () => {
  it("H2: quadratic Mermaid, a 1,000,000-column CSV and 1.9 M-deep JSON get a short 4xx while the canary edits", {
    timeout: 60_000,
  }, async () => {
    const canary: Canary = await startCanary(server);
    const mermaid = `journey\nA${SPACES}B`;
    const preview = await post("/api/import/preview?kind=mermaid", mermaid);
    expect(preview.status).toBe(200);
    const previewed = (await preview.json()) as {
      importable: boolean;
      errors: { message: string }[];
    };
    expect(previewed.importable).toBe(false);
    expect(previewed.errors[0]!.message).toMatch(/longer than \d+ characters/);

    const imported = await refusal(await post("/api/maps/import?kind=mermaid", mermaid));
    expect(imported.status).toBe(422);
    expect(imported.text).toMatch(/longer than \d+ characters/);

    const csv = await refusal(await post("/api/maps/import?kind=csv", `${MANY_COLUMNS}\nx\n`));
    expect(csv.status).toBe(422);
    expect(csv.text).toMatch(/more than \d+ columns/);

    const deep = `{"a":${"[".repeat(1_900_000)}${"]".repeat(1_900_000)}}`;
    const json = await refusal(await post("/api/maps/import?kind=json", deep));
    expect(json.status).toBe(422);
    expect(json.text).toMatch(/nested deeper than \d+ levels/);

    const contrib = await refusal(
      await post(`/api/maps/${mapId}/inbox/import`, `text,${"c,".repeat(500_000)}\nhello\n`, {
        "content-type": "text/csv",
        authorization: `Bearer ${ownerToken(mapId)}`,
      }),
    );
    expect(contrib.status).toBe(400);
    expect(contrib.text).toMatch(/more than \d+ columns/);
    expectCanaryHealthy(await canary.stop());
  });

  it("H2: a 1,000-row CSV import is read off the server's loop and still creates the map", {
    timeout: 60_000,
  }, async () => {
    const rows = Array.from(
      { length: 1000 },
      (_, i) =>
        `Phase ${i % 8},Step ${i},email,${"a".repeat(200)},${(i % 7) - 3},${"p".repeat(200)}`,
    );
    const csv = `phase,touchpoint,channel,action,emotion,pain point\n${rows.join("\n")}`;
    const canary = await startCanary(server);
    const res = await post("/api/maps/import?kind=csv", csv);
    expect(res.status).toBe(201);
    const report = await canary.stop();
    expectCanaryHealthy(report);
    // Seeding 1,000 rows costs about a second of CPU: none of it may land on the loop.
    expect(report.maxLoopDelayMs).toBeLessThan(300);
  });
});
