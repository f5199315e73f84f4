/**
 * Bold or Italic chosen at the caret survives someone else's update to the cell (issue 15, B5):
 * the collaboration plugin's transactions replace the whole document, which drops stored marks.
 */
import { getSchema } from "@tiptap/core";
import { EditorState, type Plugin, TextSelection } from "@tiptap/pm/state";
import StarterKit from "@tiptap/starter-kit";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import { keepStoredMarksPlugin } from "../../src/board/CellEditorStoredMarks.ts";

const schema = getSchema([StarterKit]);
const bold = schema.marks.bold!.create();

/** "Pays now" with the caret at its end and Bold chosen there for the next letters. */
function boldAtCaret(plugins: Plugin[] = [keepStoredMarksPlugin()]): EditorState {
  const doc = schema.node("doc", null, [schema.node("paragraph", null, schema.text("Pays now"))]);
  const state = EditorState.create({ schema, doc, plugins });
  const end = TextSelection.atEnd(state.doc);
  return state.apply(state.tr.setSelection(end).setStoredMarks([bold]));
}

/** What the collaboration plugin dispatches when Ben writes "Ben: " at the start of the cell. */
function remoteUpdate(state: EditorState, meta: object = { isChangeOrigin: true }) {
  const paragraph = schema.node("paragraph", null, schema.text("Ben: Pays now"));
  const tr = state.tr.replaceWith(0, state.doc.content.size, paragraph);
  return tr.setSelection(TextSelection.atEnd(tr.doc)).setMeta(ySyncPluginKey, meta);
}

describe("KeepStoredMarks", () => {
  it("drops the marks without it: the hazard the plugin is for", () => {
    const state = boldAtCaret([]);
    expect(state.apply(remoteUpdate(state)).storedMarks).toBeNull();
  });

  it("keeps Bold chosen at the caret through someone else's update", () => {
    const state = boldAtCaret();
    const after = state.applyTransaction(remoteUpdate(state)).state;
    expect(after.doc.textContent).toBe("Ben: Pays now");
    expect(after.storedMarks?.map((m) => m.type.name)).toEqual(["bold"]);
  });

  it("lets a local edit or an undo of one's own drop them, as the editor does", () => {
    const state = boldAtCaret();
    const local = state.tr.insertText("!");
    expect(state.applyTransaction(local).state.storedMarks).toBeNull();
    const undo = remoteUpdate(state, { isChangeOrigin: true, isUndoRedoOperation: true });
    expect(state.applyTransaction(undo).state.storedMarks).toBeNull();
  });

  it("does not keep them where the caret no longer is a caret or cannot hold them", () => {
    const state = boldAtCaret();
    const update = remoteUpdate(state);
    const selected = update.setSelection(TextSelection.create(update.doc, 1, 4));
    expect(state.applyTransaction(selected).state.storedMarks).toBeNull();
    const code = schema.node("codeBlock", null, schema.text("Pays now"));
    const intoCode = state.tr.replaceWith(0, state.doc.content.size, code);
    intoCode.setSelection(TextSelection.atEnd(intoCode.doc)).setMeta(ySyncPluginKey, {
      isChangeOrigin: true,
    });
    expect(state.applyTransaction(intoCode).state.storedMarks).toBeNull();
  });
});
