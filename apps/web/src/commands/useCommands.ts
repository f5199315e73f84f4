/**
 * React glue for the command registry: one registry per board page, parts of the UI add their
 * commands while mounted, and shortcuts are bound from the registry (tinykeys).
 */
import { createContext, useContext, useEffect, useSyncExternalStore } from "react";
import { tinykeys } from "tinykeys";
import { type Command, CommandRegistry, isSingleKey } from "./CommandRegistry.ts";

export const CommandRegistryContext = createContext<CommandRegistry>(new CommandRegistry());

export function useCommandRegistry(): CommandRegistry {
  return useContext(CommandRegistryContext);
}

/** Adds `commands` while the calling component is mounted (re-added when they change). */
export function useCommands(commands: readonly Command[]): void {
  const registry = useCommandRegistry();
  useEffect(() => registry.add(commands), [registry, commands]);
}

export function useCommandList(): readonly Command[] {
  const registry = useCommandRegistry();
  return useSyncExternalStore(registry.subscribe, () => registry.list());
}

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.tagName === "INPUT" ||
      target.tagName === "TEXTAREA" ||
      target.tagName === "SELECT" ||
      target.isContentEditable)
  );
}

/** Focusable controls that give a plain key a meaning of their own (Space presses a button). */
const CONTROLS =
  'button, a[href], select, summary, [role="button"], [role="menuitem"], [role="option"], [role="slider"], [role="checkbox"], [role="radio"], [role="switch"], [role="tab"]';

function isControl(target: EventTarget | null): boolean {
  return isTextField(target) || (target instanceof HTMLElement && target.matches(CONTROLS));
}

/**
 * Binds every command's keys on the window. Outside text fields only (text fields keep their
 * own undo, arrows and letters), unless a command says it belongs there too; single keys also
 * never fire on a focused button or control, where the key was meant for it (issue 15, B7).
 */
export function useShortcuts(): void {
  const registry = useCommandRegistry();
  const commands = useCommandList();
  useEffect(() => {
    const bindings: Record<string, (event: KeyboardEvent) => void> = {};
    for (const command of commands) {
      if (command.needsTarget) continue;
      for (const keys of command.keys ?? []) {
        const single = isSingleKey(keys);
        bindings[keys] = (event) => {
          if (single && isControl(event.target)) return;
          if (!command.inTextFields && isTextField(event.target)) return;
          event.preventDefault();
          registry.run(command.id);
        };
      }
    }
    return tinykeys(window, bindings);
  }, [registry, commands]);
}

export const APPLE = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
