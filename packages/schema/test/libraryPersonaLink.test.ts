/** A map's persona linked to a workspace library persona (issue 19): read, link, detach, summary. */
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { readJourneyMap, snapshotMap, summarizeMap } from "../src/index.ts";
import { PERSONA, ROOT } from "../src/layout.ts";
import { seededMap } from "./support/seededMap.ts";

describe("library persona links", () => {
  it("INV-P1, INV-P3: reads no link by default, a link once set, and none again once detached", () => {
    const { editor, map } = seededMap();
    const persona = map().personas[0]!;
    expect(persona.libraryPersonaId).toBeNull();
    expect(editor.linkPersona(persona.id, "lib-persona_1")).toBe(true);
    expect(map().personas[0]!.libraryPersonaId).toBe("lib-persona_1");
    editor.updatePersona(persona.id, { occupation: "Nurse" });
    expect(editor.linkPersona(persona.id, null)).toBe(true);
    expect(map().personas[0]).toMatchObject({
      libraryPersonaId: null,
      demographics: expect.objectContaining({ occupation: "Nurse" }),
    });
    expect(editor.linkPersona("no-such" as never, "lib-persona_1")).toBe(false);
  });

  it("INV-P1: refuses a malformed id and reads a stored malformed one as no link", () => {
    const { doc, editor, map } = seededMap();
    const persona = map().personas[0]!;
    expect(() => editor.linkPersona(persona.id, "a/b")).toThrow(RangeError);
    const stored = doc.getMap(ROOT.personas).get(persona.id) as Y.Map<unknown>;
    stored.set(PERSONA.libraryPersonaId, 42);
    expect(readJourneyMap(doc).personas[0]!.libraryPersonaId).toBeNull();
  });

  it("INV-P1: carries the link in the map's summary but not in the open format", () => {
    const { editor, map, doc } = seededMap();
    const persona = map().personas[0]!;
    editor.linkPersona(persona.id, "lib-1");
    const summary = summarizeMap(readJourneyMap(doc));
    expect(summary.personas.find((p) => p.id === persona.id)?.libraryPersonaId).toBe("lib-1");
    const file = snapshotMap(doc);
    expect(file.personas[0]).not.toHaveProperty("libraryPersonaId");
  });
});
