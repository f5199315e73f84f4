/**
 * A context menu (right click, Shift+F10 or the menu key) on a phase, step, lane or persona,
 * listing the registry's commands for that kind of target. Arrow keys move, Enter runs,
 * Escape closes and gives focus back.
 */
import { type KeyboardEvent, type ReactNode, useEffect, useRef } from "react";
import { type CommandTarget, formatKeys } from "./CommandRegistry.ts";
import { APPLE, useCommandList } from "./useCommands.ts";
import "./ContextMenu.css";

export interface OpenMenu {
  readonly target: CommandTarget;
  readonly x: number;
  readonly y: number;
  /** Where focus returns when the menu closes. */
  readonly returnFocus: HTMLElement | null;
}

export function ContextMenu({
  menu,
  readOnly,
  onClose,
  footer,
}: {
  menu: OpenMenu;
  readOnly: boolean;
  onClose: () => void;
  /** Shown under the commands (e.g. who added and changed the target). */
  footer?: ReactNode;
}) {
  const commands = useCommandList().filter(
    (c) => c.targets?.includes(menu.target.kind) && !(readOnly && c.edits),
  );
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    const away = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener("pointerdown", away);
    return () => window.removeEventListener("pointerdown", away);
  }, [onClose]);
  const close = () => {
    onClose();
    menu.returnFocus?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (event.key === "ArrowDown") go(at + 1);
    else if (event.key === "ArrowUp") go(at - 1);
    else if (event.key === "Home") go(0);
    else if (event.key === "End") go(items.length - 1);
    else if (event.key === "Escape" || event.key === "Tab") close();
    else return;
    event.preventDefault();
  };
  if (commands.length === 0 && !footer) return null;
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label="Actions"
      data-testid="context-menu"
      style={{ left: menu.x, top: menu.y }}
      onKeyDown={onKeyDown}
    >
      {commands.map((command) => (
        <button
          key={command.id}
          type="button"
          role="menuitem"
          tabIndex={-1}
          className={`context-menu-item ${command.id.endsWith(".delete") ? "is-danger" : ""}`}
          onClick={() => {
            close();
            command.run(menu.target);
          }}
        >
          <span>{command.title}</span>
          {command.keys?.[0] && <kbd>{formatKeys(command.keys[0], APPLE)}</kbd>}
        </button>
      ))}
      {footer}
    </div>
  );
}
