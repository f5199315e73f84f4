/**
 * "Merge into the original": the branch's changes as a tree (the map's fields, phases with
 * their steps, cards and curve points, each persona's curve), each with a checkbox; a conflict
 * (both sides changed it) shows both values and waits for a choice. Applying is one forward
 * edit of the live original (schema's applyMerge), undoable from the page's notice.
 */
import type { JourneyMap, MergeChange, MergeChoice, MergePlan } from "@journeymap/schema";
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import {
  buildMergeTree,
  changeLabel,
  idsUnder,
  type MergeNode,
  namesIn,
  showValue,
} from "./mergeTree.ts";

export interface MergeRequest {
  readonly picked: ReadonlySet<string>;
  readonly choices: ReadonlyMap<string, MergeChoice>;
}

interface Props {
  readonly plan: MergePlan;
  readonly left: JourneyMap;
  readonly right: JourneyMap;
  readonly leftName: string;
  readonly rightName: string;
  readonly onMerge: (request: MergeRequest) => void;
  readonly onClose: () => void;
}

export function MergeDialog({ plan, left, right, leftName, rightName, onMerge, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const node = dialog.current;
    if (node && !node.open) node.showModal();
  }, []);
  const tree = useMemo(() => buildMergeTree(plan, left, right), [plan, left, right]);
  const names = useMemo(() => namesIn(right, left), [right, left]);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [choices, setChoices] = useState<ReadonlyMap<string, MergeChoice>>(new Map());
  const toggle = (ids: readonly string[], on: boolean) => {
    const next = new Set(picked);
    for (const id of ids) on ? next.add(id) : next.delete(id);
    setPicked(next);
  };
  const choose = (id: string, choice: MergeChoice) => setChoices(new Map(choices).set(id, choice));
  const conflicts = plan.changes.filter((c) => c.conflict && picked.has(c.id));
  const undecided = conflicts.filter((c) => !choices.has(c.id)).length;
  const all = plan.changes.map((c) => c.id);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") onClose();
  };
  return (
    <dialog
      ref={dialog}
      className="dialog merge-dialog"
      aria-labelledby="merge-title"
      data-testid="merge.dialog"
      onClose={onClose}
      onKeyDown={onKeyDown}
    >
      <div className="dialog-head">
        <h2 id="merge-title">
          Merge “{rightName}” into “{leftName}”
        </h2>
      </div>
      <div className="merge-body">
        <p className="panel-note">
          Pick what to bring into the original. Everything else stays as it is there, including
          edits made since the branch. Where both changed the same thing, choose which to keep.
        </p>
        {plan.changes.length === 0 ? (
          <p data-testid="merge.nothing">The original already has everything the branch changed.</p>
        ) : (
          <>
            <Check
              label={`Everything (${all.length} changes)`}
              ids={all}
              picked={picked}
              onToggle={toggle}
              testId="merge.all"
            />
            <ul className="merge-tree">
              {tree.map((node) => (
                <TreeNode
                  key={node.key}
                  node={node}
                  picked={picked}
                  onToggle={toggle}
                  names={names}
                  choices={choices}
                  onChoose={choose}
                />
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="merge-foot">
        {undecided > 0 && (
          <span className="panel-note" role="status">
            {undecided} conflict{undecided === 1 ? "" : "s"} without a choice will be left as they
            are.
          </span>
        )}
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn--primary"
          disabled={picked.size === 0}
          data-testid="merge.apply"
          onClick={() => onMerge({ picked, choices })}
        >
          Merge {picked.size} change{picked.size === 1 ? "" : "s"}
        </button>
      </div>
    </dialog>
  );
}

function Check({
  label,
  ids,
  picked,
  onToggle,
  testId,
}: {
  label: string;
  ids: readonly string[];
  picked: ReadonlySet<string>;
  onToggle: (ids: readonly string[], on: boolean) => void;
  testId?: string;
}) {
  const count = ids.filter((id) => picked.has(id)).length;
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && count < ids.length;
  }, [count, ids.length]);
  return (
    <label className="merge-check">
      <input
        ref={ref}
        type="checkbox"
        checked={ids.length > 0 && count === ids.length}
        onChange={(e) => onToggle(ids, e.target.checked)}
        data-testid={testId}
      />
      {label}
    </label>
  );
}

interface NodeProps {
  readonly node: MergeNode;
  readonly picked: ReadonlySet<string>;
  readonly onToggle: (ids: readonly string[], on: boolean) => void;
  readonly names: ReturnType<typeof namesIn>;
  readonly choices: ReadonlyMap<string, MergeChoice>;
  readonly onChoose: (id: string, choice: MergeChoice) => void;
}

function TreeNode({ node, ...rest }: NodeProps) {
  const ids = idsUnder(node);
  return (
    <li className="merge-node" data-testid="merge.node" data-key={node.key}>
      <Check
        label={`${node.label} (${ids.length})`}
        ids={ids}
        picked={rest.picked}
        onToggle={rest.onToggle}
      />
      <ul>
        {node.changes.map((change) => (
          <ChangeRow key={change.id} change={change} {...rest} />
        ))}
        {node.children.map((child) => (
          <TreeNode key={child.key} node={child} {...rest} />
        ))}
      </ul>
    </li>
  );
}

function ChangeRow({
  change,
  picked,
  onToggle,
  names,
  choices,
  onChoose,
}: { change: MergeChange } & Omit<NodeProps, "node">) {
  const label = changeLabel(change, names);
  if (!change.conflict) {
    const text =
      change.slot.kind === "entity"
        ? label
        : `${label}: ${change.kind === "removed" ? "removed" : `→ ${showValue(change.theirs)}`}`;
    return (
      <li className="merge-change">
        <Check label={text} ids={[change.id]} picked={picked} onToggle={onToggle} />
      </li>
    );
  }
  const choice = choices.get(change.id);
  const name = `choice-${change.id}`;
  const ours = change.conflict === "deletedHere" ? "deleted here" : showValue(change.ours);
  const theirs =
    change.conflict === "deletedThere" ? "deleted in the branch" : showValue(change.theirs);
  return (
    <li className="merge-change merge-change--conflict" data-testid="merge.conflict">
      <Check
        label={change.slot.kind === "entity" ? label : `${label}: changed on both sides`}
        ids={[change.id]}
        picked={picked}
        onToggle={onToggle}
      />
      <fieldset className="merge-choice" disabled={!picked.has(change.id)}>
        <legend className="visually-hidden">Which value to keep</legend>
        {(["ours", "theirs"] as const).map((side) => (
          <label key={side}>
            <input
              type="radio"
              name={name}
              checked={choice === side}
              onChange={() => onChoose(change.id, side)}
              data-testid={side === "ours" ? "merge.keep-ours" : "merge.take-theirs"}
            />
            {side === "ours" ? "Keep the original's" : "Take the branch's"}:{" "}
            <q>{side === "ours" ? ours : theirs}</q>
          </label>
        ))}
      </fieldset>
    </li>
  );
}
