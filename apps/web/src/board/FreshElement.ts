/**
 * The element just added here (by a button, a context menu or the palette): its name opens
 * for editing when it first renders, so what the person types next names it, instead of
 * pressing the add button again with every space (issue 15, B7). Components ask about their
 * own element only, so marking one re-renders that element and nothing else.
 */
import { elementKey, type RefOf, type TouchpointId } from "@journeymap/schema";

/** What can be added on the board and has a name to type. */
export type NamedRef = RefOf<"phase" | "touchpoint" | "lane" | "card" | "persona">;

export class FreshElement {
  private current: NamedRef | null = null;
  private readonly listeners = new Set<() => void>();

  mark(ref: NamedRef): void {
    this.current = ref;
    this.changed();
  }

  is(ref: NamedRef): boolean {
    return this.current !== null && elementKey(this.current) === elementKey(ref);
  }

  /** The fresh step, which the column window keeps rendered until its name has opened. */
  step = (): TouchpointId | null => (this.current?.kind === "touchpoint" ? this.current.id : null);

  /** Its name has opened: a later re-mount (scrolling, a lane shown again) must not reopen it. */
  opened(ref: NamedRef): void {
    if (!this.is(ref)) return;
    this.current = null;
    this.changed();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
