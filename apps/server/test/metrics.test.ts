/**
 * Metric lanes over HTTP against a running server: values pushed with an API token and
 * imported from CSV reach an editor's live document; bad entries are refused with a reason
 * per entry and change nothing; an Idempotency-Key replays the first answer; a CSV dry run
 * writes nothing; a value crossing its target reaches a real webhook receiver.
 */
import { API_ACTION, mapDocumentName, ROLE } from "@journeymap/protocol";
import { MetricWriteResult, type WebhookEnvelope } from "@journeymap/protocol/http";
import {
  isMetricCell,
  LOCAL_ORIGIN,
  MapEditor,
  type MetricCell,
  readJourneyMap,
  setMetricPreset,
} from "@journeymap/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, connect, until } from "./support/clients.ts";
import { apiLink, createMap, ownerToken, shareLink } from "./support/maps.ts";
import { startServer, type TestServer } from "./support/server.ts";
import { startReceiver } from "./support/webhookReceiver.ts";

const TEST_TIMEOUT_MS = 60_000;

let server: TestServer;
let mapId: string;
let owner: Client;
let apiToken: string;
let readToken: string;
let laneId: string;
let steps: { id: string; name: string }[];

function post(path: string, token: string, body: string, type: string, headers = {}) {
  return fetch(`${server.url}/api/maps/${mapId}${path}`, {
    method: "POST",
    headers: { "content-type": type, authorization: `Bearer ${token}`, ...headers },
    body,
  });
}
const push = (values: unknown[], headers: Record<string, string> = {}, token = apiToken) =>
  post("/metrics", token, JSON.stringify({ values }), "application/json", headers);
const importCsv = (csv: string, query = "") =>
  post(`/metrics/import${query}`, apiToken, csv, "text/csv");

/** The owner's live view of a step's metric cell. */
function cell(stepId: string): MetricCell | undefined {
  const value = readJourneyMap(owner.doc)
    .lanes.find((l) => l.id === laneId)
    ?.values.get(stepId as never);
  return isMetricCell(value) ? value : undefined;
}

beforeAll(async () => {
  server = await startServer({
    env: { WEBHOOKS_ALLOW_PRIVATE: "true" },
    webhooks: {
      retry: { maxAttempts: 4, baseDelayMs: 40, maxDelayMs: 200 },
      pollMs: 200,
      timeoutMs: 5_000,
    },
  });
  mapId = await createMap(server, { title: "Metrics" });
  apiToken = await apiLink(server, mapId, [API_ACTION.evidenceWrite]);
  readToken = await apiLink(server, mapId, [API_ACTION.mapRead]);
  owner = await connect(server, mapDocumentName(mapId), ownerToken(mapId), "Olga");
  const editor = new MapEditor(owner.doc, { origin: LOCAL_ORIGIN });
  laneId = editor.addLane({ name: "Conversion" });
  setMetricPreset(owner.doc, laneId, { preset: "conversion" }, { origin: LOCAL_ORIGIN });
  await owner.confirmed();
  steps = readJourneyMap(owner.doc).touchpoints.map((t) => ({ id: t.id, name: t.name }));
}, TEST_TIMEOUT_MS);

afterAll(async () => {
  owner?.destroy();
  await server?.dispose();
});

describe("metrics API", () => {
  it(
    "records a pushed value by step name, live on an editor's board",
    async () => {
      const res = await push([
        { step: steps[0]!.name, lane: "Conversion", value: 31, target: 40, date: "2026-12-01" },
        { stepId: steps[0]!.id, value: 34, date: "2026-12-02" },
      ]);
      expect(res.status).toBe(200);
      const body = MetricWriteResult.parse(await res.json());
      expect(body).toMatchObject({ written: 2, changed: true });
      await until(owner.doc, () => cell(steps[0]!.id)?.series.length === 2);
      expect(cell(steps[0]!.id)).toMatchObject({ value: 34, target: 40 });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "refuses bad entries with a reason each and writes none of the batch",
    async () => {
      const res = await push([
        { stepId: steps[1]!.id, value: 12 },
        { step: "No such step", value: 5 },
        { stepId: steps[1]!.id, value: 140 },
        { stepId: steps[1]!.id, value: 10, date: "31/12/2026" },
      ]);
      expect(res.status).toBe(422);
      const body = MetricWriteResult.parse(await res.json());
      expect(body.written).toBe(0);
      expect(body.rows.map((r) => r.error ?? "ok")).toEqual([
        "ok",
        'There is no step "No such step".',
        "Conversion (%) is from 0–100 %, not 140.",
        '"31/12/2026" is not a date: write 2026-12-07 or 2026-12-07T09:30:00Z.',
      ]);
      // A later good push arrives; the refused batch's good entry never did.
      expect((await push([{ stepId: steps[2]!.id, value: 7 }])).status).toBe(200);
      await until(owner.doc, () => cell(steps[2]!.id)?.value === 7);
      expect(cell(steps[1]!.id)).toBeUndefined();
      expect((await push([{ stepId: steps[1]!.id, value: 1 }], {}, readToken)).status).toBe(403);
      const viewer = (await shareLink(server, mapId, ROLE.viewer)).token;
      expect((await push([{ stepId: steps[1]!.id, value: 1 }], {}, viewer)).status).toBe(403);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "replays the first answer for a repeated Idempotency-Key, and refuses it with another body",
    async () => {
      const entry = { stepId: steps[3]!.id, value: 50, date: "2026-12-03" };
      const first = await push([entry], { "idempotency-key": "batch-1" });
      const again = await push([entry], { "idempotency-key": "batch-1" });
      expect(first.status).toBe(200);
      expect(await again.json()).toEqual(await first.json());
      // Without the key a retry is harmless too: it sets what is already there.
      const retry = MetricWriteResult.parse(await (await push([entry])).json());
      expect(retry).toMatchObject({ written: 1, changed: false });
      const other = await push([{ ...entry, value: 51 }], { "idempotency-key": "batch-1" });
      expect(other.status).toBe(409);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "previews a CSV without writing, refuses a file with a bad row, then imports a good one",
    async () => {
      const csv = `Step,Lane,Value,Target,Date,Owner\n${steps[4]!.name},Conversion,"22,5 %",30,2026-12-01,Ana\n${steps[4]!.id},,24,,2026-12-02,Ana\n`;
      const preview = await importCsv(csv, "?dryRun=true");
      expect(preview.status).toBe(200);
      expect(MetricWriteResult.parse(await preview.json())).toMatchObject({
        dryRun: true,
        written: 0,
        ignoredColumns: ["Owner"],
        rows: [
          { row: 2, ok: true, touchpointId: steps[4]!.id },
          { row: 3, ok: true },
        ],
      });
      const bad = await importCsv(`${csv}Nowhere,Conversion,5,,,\n`);
      expect(bad.status).toBe(422);
      expect(MetricWriteResult.parse(await bad.json()).rows[2]).toEqual({
        row: 4,
        ok: false,
        error: 'There is no step "Nowhere".',
      });
      expect(cell(steps[4]!.id)).toBeUndefined();
      const done = await importCsv(csv);
      expect(done.status).toBe(200);
      await until(owner.doc, () => cell(steps[4]!.id)?.series.length === 2);
      expect(cell(steps[4]!.id)).toMatchObject({ value: 24, target: 30 });
      const noHeader = await importCsv("Value\n3\n");
      expect(noHeader.status).toBe(400);
      expect(((await noHeader.json()) as { error: string }).error).toMatch(/needs a step column/);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "sends metric.target_crossed to a webhook when a pushed value meets its target",
    async () => {
      const receiver = await startReceiver();
      const hook = await fetch(`${server.url}/api/maps/${mapId}/webhooks`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${ownerToken(mapId)}`,
        },
        body: JSON.stringify({ url: receiver.url, events: ["metric.target_crossed"] }),
      });
      expect(hook.status).toBe(201);
      const step = steps[5]!;
      expect((await push([{ stepId: step.id, value: 10, target: 20 }])).status).toBe(200);
      expect((await push([{ stepId: step.id, value: 25, date: "2026-12-05" }])).status).toBe(200);
      const [delivery] = await receiver.waitFor(1);
      const envelope = JSON.parse(delivery!.body) as WebhookEnvelope;
      expect(envelope).toMatchObject({
        type: "metric.target_crossed",
        mapId,
        data: {
          metricId: `${laneId}/${step.id}`,
          name: `Conversion · ${step.name}`,
          value: 25,
          target: 20,
          direction: "above",
        },
      });
    },
    TEST_TIMEOUT_MS,
  );
});
