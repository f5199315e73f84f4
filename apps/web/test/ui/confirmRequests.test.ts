import { describe, expect, it } from "vitest";
import {
  answerConfirmation,
  askToConfirm,
  currentConfirmation,
  subscribeToConfirmations,
} from "../../src/ui/confirmRequests.ts";

describe("confirmation requests", () => {
  it("show one question at a time, oldest first, and resolve with each answer", async () => {
    let changes = 0;
    const stop = subscribeToConfirmations(() => changes++);
    const first = askToConfirm({ title: "Delete A?", confirmLabel: "Delete" });
    const second = askToConfirm({ title: "Delete B?", confirmLabel: "Delete" });
    expect(currentConfirmation()?.title).toBe("Delete A?");
    answerConfirmation(currentConfirmation()!.id, true);
    expect(currentConfirmation()?.title).toBe("Delete B?");
    const secondId = currentConfirmation()!.id;
    answerConfirmation(secondId, false);
    // A second answer to the same question (a click after Escape) changes nothing.
    answerConfirmation(secondId, true);
    expect(await first).toBe(true);
    expect(await second).toBe(false);
    expect(currentConfirmation()).toBeNull();
    expect(changes).toBe(4);
    stop();
  });
});
