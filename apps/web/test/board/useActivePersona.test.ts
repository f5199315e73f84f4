import type { Persona } from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import { activePersona } from "../../src/board/useActivePersona.ts";

const persona = (id: string) => ({ id, name: id, colour: "#000" }) as unknown as Persona;

describe("the edited curve's persona", () => {
  const shown = [persona("ana"), persona("tom")];

  it("is the chosen persona while it is shown", () => {
    expect(activePersona(shown, "tom")?.id).toBe("tom");
  });

  it("falls back to the first shown persona when none is chosen or the chosen one is gone", () => {
    expect(activePersona(shown, null)?.id).toBe("ana");
    expect(activePersona(shown, "deleted")?.id).toBe("ana");
    expect(activePersona([], "tom")).toBeNull();
  });
});
