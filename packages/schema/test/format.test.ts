import { readFileSync, writeFileSync } from "node:fs";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { createMapFromTemplate, sequentialIds, snapshotMap } from "../src/index.ts";
import {
  describeIssue,
  detectImportKind,
  isImportable,
  mapFileJsonSchema,
  parseMermaidJourney,
  parseTouchpointCsv,
  readMapFile,
  serializeMapFile,
  toMapFile,
} from "../src/format/index.ts";

const SCHEMA_FILE = new URL("../../../docs/format/journeymap.schema.json", import.meta.url);

function sampleFile(): Record<string, unknown> {
  const doc = new Y.Doc();
  createMapFromTemplate(doc, "default", { ids: sequentialIds("t") });
  return JSON.parse(serializeMapFile(toMapFile(snapshotMap(doc), new Date(0))));
}

describe("the published JSON Schema", () => {
  it("matches the committed docs/format/journeymap.schema.json (UPDATE_SCHEMA=1 rewrites it)", () => {
    const generated = `${JSON.stringify(mapFileJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMA === "1") writeFileSync(SCHEMA_FILE, generated);
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(generated);
  });

  it("describes the envelope and the rich-text nodes", () => {
    const schema = mapFileJsonSchema() as {
      required: string[];
      properties: Record<string, { const?: unknown }>;
    };
    expect(schema.required).toEqual(expect.arrayContaining(["format", "version", "map"]));
    expect(schema.properties.version?.const).toBe(1);
    expect(JSON.stringify(schema)).toContain("RichTextNode");
  });
});

describe("reading files", () => {
  it("refuses text that is not JSON, with the parser's reason", () => {
    const preview = readMapFile("{ not json");
    expect(isImportable(preview)).toBe(false);
    expect(preview.errors[0]!.message).toMatch(/^not valid JSON/);
  });

  it("refuses JSON that is not a Journeymap file", () => {
    expect(readMapFile({ hello: 1 }).errors).toEqual([
      { path: "format", message: 'expected "journeymap" (is this a Journeymap file?)' },
    ]);
    expect(readMapFile([]).errors[0]!.message).toBe("a Journeymap file is a JSON object");
  });

  it("refuses a newer version and says so", () => {
    const file = { ...sampleFile(), version: 7 };
    expect(describeIssue(readMapFile(file).errors[0]!)).toMatch(
      /^version: version 7 is newer than this server understands/,
    );
  });

  it("names the path of each invalid value", () => {
    const file = sampleFile() as { map: { touchpoints: { channel: string }[]; phases: object[] } };
    file.map.touchpoints[2]!.channel = "pigeon";
    (file.map.phases[1] as { colour: string }).colour = "red";
    const paths = readMapFile(file).errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(["map.touchpoints[2].channel", "map.phases[1].colour"]),
    );
  });

  it("refuses duplicate ids and two emotion points for one persona and step", () => {
    const file = sampleFile() as {
      map: { phases: { id: string }[]; emotions: object[] };
    };
    file.map.phases[1]!.id = file.map.phases[0]!.id;
    file.map.emotions.push(file.map.emotions[0]!);
    const errors = readMapFile(file).errors;
    expect(errors).toContainEqual({
      path: "map.phases[1].id",
      message: expect.stringMatching(/duplicate id/),
    });
    expect(
      errors.some((e) => e.path.startsWith("map.emotions[") && /second emotion/.test(e.message)),
    ).toBe(true);
  });

  it("refuses hostile nesting before validating", () => {
    let deep: unknown = [];
    for (let i = 0; i < 200; i++) deep = [deep];
    const file = sampleFile() as { map: { cells: unknown[] } };
    file.map.cells.push(deep);
    expect(readMapFile(file).errors[0]!.message).toMatch(/nested deeper than/);
  });

  it("migrates version 0: nested phases, plain-text cells, scores 1–5", () => {
    const v0 = {
      format: "journeymap",
      version: 0,
      map: {
        title: "Old map",
        personas: [{ name: "Ana" }, { name: "Ben", colour: "#0072B2" }],
        phases: [
          {
            name: "Discover",
            touchpoints: [
              {
                name: "Sees an ad",
                channel: "paidAds",
                thoughts: "Is this for me?",
                emotions: [1, 4],
                painPoints: [{ title: "Too vague", rating: 4 }],
              },
            ],
          },
          { name: "Buy", touchpoints: [{ name: "Checkout", emotions: [5, 3] }] },
        ],
      },
    };
    const preview = readMapFile(JSON.stringify(v0));
    expect(preview.errors).toEqual([]);
    expect(preview.notes[0]).toMatch(/version 0/);
    const map = preview.snapshot!;
    expect(map.title).toBe("Old map");
    expect(map.phases.map((p) => p.name)).toEqual(["Discover", "Buy"]);
    const [ana, ben] = map.personas;
    const scoreOf = (p: string, t: string) =>
      map.emotions.find((e) => e.personaId === p && e.touchpointId === t)?.score;
    const [ad, checkout] = map.touchpoints;
    expect([scoreOf(ana!.id, ad!.id), scoreOf(ben!.id, ad!.id)]).toEqual([-3, 2]);
    expect([scoreOf(ana!.id, checkout!.id), scoreOf(ben!.id, checkout!.id)]).toEqual([3, 0]);
    expect(checkout!.channel).toBe("custom");
    expect(map.cards).toMatchObject([{ kind: "painPoint", title: "Too vague", rating: 4 }]);
    const thoughts = map.cells.find((c) => c.laneId === "lane-thoughts");
    expect(JSON.stringify(thoughts?.content)).toContain("Is this for me?");
    // The migrated map is a valid version-1 map.
    expect(readMapFile(toMapFile(map, new Date(0))).errors).toEqual([]);
  });

  it("reports version-0 problems by path", () => {
    const preview = readMapFile({
      format: "journeymap",
      version: 0,
      map: {
        title: "x",
        personas: [],
        phases: [{ name: "P", touchpoints: [{ name: "t", emotions: [9] }] }],
      },
    });
    expect(preview.errors.map((e) => e.path)).toEqual(["map.phases[0].touchpoints[0].emotions[0]"]);
  });
});

describe("CSV of touchpoints", () => {
  const CSV = [
    "Phase,Touchpoint,Channel,Action,Emotion score,Pain point",
    "Discover,Sees an ad,Paid ads,Scrolls,1,",
    'Discover,"Reads reviews, twice",review site,Compares,-2,"Mixed reviews"',
    "Buy,Checkout,website,Pays,+3,",
    "",
  ].join("\r\n");

  it("previews phases in first-seen order, channels by label, scores and pain points", () => {
    const preview = parseTouchpointCsv(CSV, { title: "From a sheet" });
    expect(preview.errors).toEqual([]);
    const map = preview.snapshot!;
    expect(map.title).toBe("From a sheet");
    expect(map.phases.map((p) => p.name)).toEqual(["Discover", "Buy"]);
    expect(map.touchpoints.map((t) => [t.name, t.channel, t.action])).toEqual([
      ["Sees an ad", "paidAds", "Scrolls"],
      ["Reads reviews, twice", "reviewSite", "Compares"],
      ["Checkout", "website", "Pays"],
    ]);
    expect(map.emotions.map((e) => e.score)).toEqual([1, -2, 3]);
    expect(map.cards).toMatchObject([{ kind: "painPoint", title: "Mixed reviews" }]);
    expect(map.personas.map((p) => p.name)).toEqual(["Customer"]);
  });

  it("reports every bad row with its spreadsheet row number and keeps the good rows", () => {
    const preview = parseTouchpointCsv(
      [
        "phase,touchpoint,channel,emotion",
        "A,ok,email,0",
        ",missing phase,email,0",
        '"B",bad,"a;b;c;d;e;f;g;h;i",5',
      ].join("\n"),
    );
    expect(isImportable(preview)).toBe(false);
    expect(preview.errors.map(describeIssue)).toEqual([
      "row 3: the phase is empty",
      'row 4: more than 8 channels in "a;b;c;d;e;f;g;h;i"',
      'row 4: the emotion score "5" is not a whole number from -3 to +3',
    ]);
    expect(preview.snapshot?.touchpoints.map((t) => t.name)).toEqual(["ok"]);
  });

  it("refuses a header without phase and touchpoint columns, an empty file and broken quoting", () => {
    expect(describeIssue(parseTouchpointCsv("name,channel\nx,email").errors[0]!)).toMatch(
      /^row 1: the header row needs a phase column/,
    );
    expect(parseTouchpointCsv("").errors[0]!.message).toBe("the file is empty");
    expect(parseTouchpointCsv("phase,touchpoint\n").errors[0]!.message).toBe(
      "no rows below the header",
    );
    expect(parseTouchpointCsv('phase,touchpoint\n"A,b').errors[0]!.message).toMatch(/quoted field/);
  });
});

describe("Mermaid journeys", () => {
  const JOURNEY = `%% from the docs
journey
  title My working day
  section Go to work
    Make tea: 5: Me
    Go upstairs: 3: Me, Cat
    Do work: 1: Me, Cat
  section Go home
    Go downstairs: 5: Me
    Sit down: 2: Me
`;

  it("maps sections to phases, tasks to touchpoints, actors to personas, 1–5 to −3..+3", () => {
    const preview = parseMermaidJourney(JOURNEY);
    expect(preview.errors).toEqual([]);
    const map = preview.snapshot!;
    expect(map.title).toBe("My working day");
    expect(map.phases.map((p) => p.name)).toEqual(["Go to work", "Go home"]);
    expect(map.touchpoints.map((t) => t.name)).toEqual([
      "Make tea",
      "Go upstairs",
      "Do work",
      "Go downstairs",
      "Sit down",
    ]);
    expect(map.personas.map((p) => p.name)).toEqual(["Me", "Cat"]);
    const [me, cat] = map.personas;
    const scores = (personaId: string) =>
      map.touchpoints.map(
        (t) =>
          map.emotions.find((e) => e.personaId === personaId && e.touchpointId === t.id)?.score,
      );
    expect(scores(me!.id)).toEqual([3, 0, -3, 3, -2]);
    expect(scores(cat!.id)).toEqual([undefined, 0, -3, undefined, undefined]);
    expect(preview.notes[0]).toMatch(/1–5/);
  });

  it("reports bad lines by number", () => {
    const preview = parseMermaidJourney("journey\n section A\n  Task: 9: Me\n  nonsense\n");
    expect(preview.errors.map(describeIssue)).toEqual([
      'line 3: the score "9" of "Task" is not a whole number from 1 to 5',
      'line 4: expected "section Name" or "Task: score: Actor, Actor", found "nonsense"',
    ]);
  });

  it("refuses a diagram that is not a journey, and a journey without tasks", () => {
    expect(describeIssue(parseMermaidJourney("graph TD\n A-->B").errors[0]!)).toMatch(
      /^line 1: a Mermaid journey starts with "journey"/,
    );
    expect(parseMermaidJourney("journey\n title x\n section A\n").errors[0]!.message).toBe(
      "the journey has no tasks",
    );
  });
});

describe("detecting the kind of a file", () => {
  it("uses the extension first, then the content", () => {
    expect(detectImportKind("whatever", "map.JSON")).toBe("json");
    expect(detectImportKind("journey\n", "x.mmd")).toBe("mermaid");
    expect(detectImportKind(' { "format": 1 }')).toBe("json");
    expect(detectImportKind("%% c\njourney\n title x")).toBe("mermaid");
    expect(detectImportKind("phase,touchpoint")).toBe("csv");
  });
});

describe("the examples in docs/examples", () => {
  const example = (name: string) =>
    readFileSync(new URL(`../../../docs/examples/${name}`, import.meta.url), "utf8");

  it("are valid files of each kind, read as docs/format.md describes them", () => {
    const json = readMapFile(example("support-ticket.journeymap.json"));
    expect(json.errors).toEqual([]);
    expect(json.snapshot?.phases.map((p) => p.name)).toEqual([
      "Notice",
      "Seek help",
      "Ticket",
      "Resolve",
    ]);

    const csv = parseTouchpointCsv(example("touchpoints.csv"));
    expect(csv.errors).toEqual([]);
    expect(csv.snapshot?.phases.map((p) => p.name)).toEqual(["Discover", "Sign up", "Use", "Pay"]);
    expect(csv.snapshot?.cards.filter((c) => c.kind === "painPoint")).toHaveLength(3);

    const mermaid = parseMermaidJourney(example("journey.mmd"));
    expect(mermaid.errors).toEqual([]);
    expect(mermaid.snapshot?.personas.map((p) => p.name)).toEqual(["Jamal", "Erin"]);
    // 1–5 onto −3..+3 as documented: 1 → −3, 2 → −2, 3 → 0, 4 → +2, 5 → +3.
    expect(
      mermaid.snapshot?.emotions.filter((e) => e.personaId === "i0").map((e) => e.score),
    ).toEqual([2, -2, 0, 3, -3, -2]);
  });
});
