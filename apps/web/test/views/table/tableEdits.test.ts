import {
  builtInLaneId,
  cellRootName,
  createMapFromTemplate,
  emotionKey,
  MapEditor,
  readJourneyMap,
} from "@journeymap/schema";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { commitCellEdit, editableValue } from "../../../src/views/table/tableEdits.ts";
import { tableColumns } from "../../../src/views/table/tableColumns.ts";

function setup() {
  const doc = new Y.Doc();
  createMapFromTemplate(doc, "saas-trial");
  const editor = new MapEditor(doc);
  const read = () => readJourneyMap(doc);
  const map = read();
  const columns = tableColumns(map.lanes, map.personas, new Set());
  const col = (key: string) => {
    const found = columns.find((c) => c.key === key);
    if (!found) throw new Error(`no column ${key}`);
    return found;
  };
  const tp = map.touchpoints[1]!;
  let updates = 0;
  doc.on("update", () => updates++);
  return { doc, editor, read, col, tp, updates: () => updates };
}

describe("table edits", () => {
  it("renames a step, sets team, action and channel", () => {
    const { editor, read, col, tp } = setup();
    expect(commitCellEdit(editor, read(), col("name"), tp, "  Start trial ")).toBeNull();
    expect(commitCellEdit(editor, read(), col("team"), tp, "Growth")).toBeNull();
    expect(commitCellEdit(editor, read(), col("action"), tp, "Clicks the button")).toBeNull();
    expect(commitCellEdit(editor, read(), col("channel"), tp, "email")).toBeNull();
    const after = read().touchpoints[1]!;
    expect(after).toMatchObject({
      name: "Start trial",
      team: "Growth",
      action: "Clicks the button",
      channel: "email",
    });
  });

  it("refuses an empty name, an unknown channel and an off-scale score, writing nothing", () => {
    const { editor, read, col, tp, updates } = setup();
    expect(commitCellEdit(editor, read(), col("name"), tp, "   ")).toMatch(/needs a name/);
    expect(commitCellEdit(editor, read(), col("channel"), tp, "fax")).toMatch(/Unknown channel/);
    const persona = read().personas[0]!;
    expect(commitCellEdit(editor, read(), col(`emotion:${persona.id}`), tp, "7")).toMatch(
      /off the scale/,
    );
    expect(updates()).toBe(0);
  });

  it("sets and clears an emotion score", () => {
    const { editor, read, col, tp } = setup();
    const persona = read().personas[0]!;
    const column = col(`emotion:${persona.id}`);
    expect(commitCellEdit(editor, read(), column, tp, "\u22123")).toBeNull();
    expect(read().emotions.get(emotionKey(persona.id, tp.id))?.score).toBe(-3);
    expect(editableValue(read(), column, tp)).toBe("-3");
    expect(commitCellEdit(editor, read(), column, tp, "")).toBeNull();
    expect(read().emotions.has(emotionKey(persona.id, tp.id))).toBe(false);
  });

  it("writes a text cell as plain paragraphs, and leaves an unchanged cell's rich text alone", () => {
    const { doc, editor, read, col, tp, updates } = setup();
    const laneId = builtInLaneId("thoughts");
    const column = col(`cell:${laneId}`);
    // Bold text written the way Tiptap stores it.
    const fragment = doc.getXmlFragment(cellRootName(laneId, tp.id));
    doc.transact(() => {
      fragment.delete(0, fragment.length);
      const p = new Y.XmlElement("paragraph");
      const text = new Y.XmlText();
      p.insert(0, [text]);
      fragment.insert(0, [p]);
      text.insert(0, "Is this worth it?", { bold: true });
    });
    const before = updates();
    expect(commitCellEdit(editor, read(), column, tp, "Is this worth it?")).toBeNull();
    expect(updates()).toBe(before);
    expect(fragment.toString()).toContain("<bold>");

    expect(commitCellEdit(editor, read(), column, tp, "Line one\nLine two")).toBeNull();
    expect(read().cells.get(cellRootName(laneId, tp.id))?.text).toBe("Line one\nLine two");
  });
});
