import { describe, expect, it } from "vitest";
import { guestAuthor, guestId, isGuestId, readAuthor } from "../src/people.ts";

describe("recorded authors", () => {
  it("round-trips a guest's id and name, whatever the name holds", () => {
    const id = guestId("mu9SvF9cwBVTJSK5QDYY7I");
    expect(isGuestId(id)).toBe(true);
    expect(readAuthor(guestAuthor(id, "Ana / Sales: EMEA"))).toEqual({
      kind: "guest",
      id,
      name: "Ana / Sales: EMEA",
    });
    expect(readAuthor(id)).toEqual({ kind: "guest", id, name: "" });
  });

  it("leaves account ids, names from before accounts and the server to the server", () => {
    for (const recorded of ["fDag6fx10KmOeJauqdLHtQ8xkOhvOrnK", "Ana", "server", "guest"])
      expect(readAuthor(recorded)).toEqual({ kind: "recorded", id: recorded });
  });
});
