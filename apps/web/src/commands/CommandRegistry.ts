/**
 * One registry of commands, shared by the toolbar, context menus, keyboard shortcuts and the
 * command palette, so a command has one title, one shortcut and one implementation. Parts of
 * the UI add their commands while they are mounted and remove them when they unmount.
 */
import type { ElementRef, RefOf } from "@journeymap/schema";

export type CommandGroup = "Edit" | "Map" | "View" | "Go to";

/** What a context menu can be opened on. */
export const TARGET_KINDS = ["phase", "touchpoint", "lane", "persona"] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export type CommandTarget = RefOf<TargetKind>;

export function isCommandTarget(ref: ElementRef): ref is CommandTarget {
  return (TARGET_KINDS as readonly string[]).includes(ref.kind);
}

export interface Command {
  readonly id: string;
  readonly title: string;
  readonly group: CommandGroup;
  /** Shortcuts in tinykeys syntax, e.g. "$mod+z", "Shift+?"; the first one is shown. */
  readonly keys?: readonly string[];
  /** Extra words the palette matches on. */
  readonly keywords?: readonly string[];
  /** True when the command changes the map (hidden for view-only links). */
  readonly edits?: boolean;
  /** Shown in the context menu of these targets (and then run with the target). */
  readonly targets?: readonly TargetKind[];
  /** Only targeted: hidden from the palette and shortcuts (it needs a target). */
  readonly needsTarget?: boolean;
  /** Keys stay active inside text fields (the palette's own shortcut, for instance). */
  readonly inTextFields?: boolean;
  readonly run: (target?: CommandTarget) => void;
}

export class CommandRegistry {
  private readonly sources = new Map<number, readonly Command[]>();
  private readonly listeners = new Set<() => void>();
  private nextSource = 1;
  private snapshot: readonly Command[] = [];

  /** Adds a set of commands; returns the function that removes exactly that set. */
  add(commands: readonly Command[]): () => void {
    const source = this.nextSource++;
    this.sources.set(source, commands);
    this.changed();
    return () => {
      if (this.sources.delete(source)) this.changed();
    };
  }

  /** All commands, later sources overriding earlier ones with the same id. */
  list(): readonly Command[] {
    return this.snapshot;
  }

  get(id: string): Command | undefined {
    return this.snapshot.find((c) => c.id === id);
  }

  run(id: string, target?: CommandTarget): boolean {
    const command = this.get(id);
    if (!command) return false;
    command.run(target);
    return true;
  }

  /** Commands for a context menu on `kind`, in registration order. */
  forTarget(kind: TargetKind): readonly Command[] {
    return this.snapshot.filter((c) => c.targets?.includes(kind));
  }

  /** Commands the palette offers (those that need no target). */
  forPalette(): readonly Command[] {
    return this.snapshot.filter((c) => !c.needsTarget);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    const byId = new Map<string, Command>();
    for (const commands of this.sources.values()) for (const c of commands) byId.set(c.id, c);
    this.snapshot = [...byId.values()];
    for (const listener of this.listeners) listener();
  }
}

/** A shortcut without Ctrl, ⌘ or Alt ("m", "Shift+1"): a key people also type. */
export function isSingleKey(keys: string): boolean {
  return !/(^|\+)(\$mod|Control|Meta|Alt)\+/.test(keys);
}

/** "$mod+Shift+z" → "Ctrl+Shift+Z" (or "⌘⇧Z" on Apple keyboards), for menus and tooltips. */
export function formatKeys(keys: string, apple: boolean): string {
  const parts = keys.split("+").map((part) => {
    switch (part) {
      case "$mod":
        return apple ? "⌘" : "Ctrl";
      case "Shift":
        return apple ? "⇧" : "Shift";
      case "Alt":
        return apple ? "⌥" : "Alt";
      case "Control":
        return apple ? "⌃" : "Ctrl";
      case "Equal":
        return "+";
      case "Minus":
        return "−";
      default:
        // Key codes ("Digit1") read as the key's own sign.
        if (/^Digit\d$/.test(part)) return part.slice(5);
        return part.length === 1 ? part.toUpperCase() : part;
    }
  });
  return apple ? parts.join("") : parts.join("+");
}
