/**
 * The API client against a stand-in fetch: requests are built from the route table (path,
 * query, bearer token, body), answers are parsed by their schema, and every refusal or
 * malformed answer is one ApiError saying what happened.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, callApi } from "../../src/api/apiClient.ts";

const sent: Array<{ url: string; init: RequestInit }> = [];

function answer(status: number, body: unknown, contentType = "application/json") {
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    const text = typeof body === "string" ? body : JSON.stringify(body);
    return new Response(status === 204 ? null : text, {
      status,
      headers: { "content-type": contentType },
    });
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  sent.length = 0;
});

const version = { id: "v1", mapId: "m1", seq: 3, name: "Start", createdAt: 1, createdBy: "Ana" };

describe("callApi", () => {
  it("builds the request from the route table and parses the answer", async () => {
    answer(201, version);
    const created = await callApi("createVersion", {
      params: { mapId: "m 1" },
      token: "jm1.t",
      body: { name: "Start", seq: 3 },
    });
    expect(created).toEqual(version);
    const [{ url, init }] = sent as [{ url: string; init: RequestInit }];
    expect(url).toBe("/api/maps/m%201/versions");
    expect(init.method).toBe("POST");
    expect(init.headers).toEqual({
      authorization: "Bearer jm1.t",
      "content-type": "application/json",
    });
    expect(JSON.parse(init.body as string)).toEqual({ name: "Start", seq: 3 });
  });

  it("sends queries and text bodies, and gives bytes and empty answers as such", async () => {
    answer(200, "\u0001\u0002", "application/octet-stream");
    const state = await callApi("getState", { params: { mapId: "m1" }, query: { seq: 7 } });
    expect(state).toBeInstanceOf(Uint8Array);
    expect(sent[0]?.url).toBe("/api/maps/m1/state?seq=7");
    answer(204, null);
    expect(await callApi("deleteVersion", { params: { mapId: "m1", versionId: "v1" } })).toBe(
      undefined,
    );
    answer(422, { dryRun: false, imported: 0, ignoredColumns: [], rows: [] });
    const csv = await callApi("importEvidenceCsv", { params: { mapId: "m1" }, body: "text\n" });
    expect(csv.imported).toBe(0);
    const headers = sent.at(-1)?.init.headers as Record<string, string> | undefined;
    expect(headers?.["content-type"]).toBe("text/csv; charset=utf-8");
  });

  it("turns a refusal into an ApiError with the server's message and a file's problems", async () => {
    const issues = [{ path: "", row: 2, message: "phase: required" }];
    answer(422, { error: "The CSV file has 1 problem(s)", errors: issues });
    const refused = await callApi("importMap", { body: "x", query: { kind: "csv" } }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({
      status: 422,
      message: "The CSV file has 1 problem(s)",
      issues,
    });
    answer(502, "<html>Bad gateway</html>", "text/html");
    await expect(callApi("listTemplates", {})).rejects.toMatchObject({
      status: 502,
      reason: null,
      message: "Request failed (502)",
    });
  });

  it("refuses an answer its schema does not describe, naming the route and the field", async () => {
    answer(200, [{ ...version, seq: "three" }]);
    await expect(callApi("listVersions", { params: { mapId: "m1" } })).rejects.toThrow(
      "Unexpected answer from the server (GET /api/maps/{mapId}/versions answered 200): 0.seq: expected number",
    );
  });
});
