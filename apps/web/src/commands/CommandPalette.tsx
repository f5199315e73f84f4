/**
 * The command palette (Ctrl/Cmd+K): every command of the registry that needs no target,
 * searchable by title, group and keywords, with its shortcut. Loaded lazily.
 */
import { Command as Cmdk } from "cmdk";
import type { CommandGroup } from "./CommandRegistry.ts";
import { formatKeys } from "./CommandRegistry.ts";
import { APPLE, useCommandList, useCommandRegistry } from "./useCommands.ts";
import "./CommandPalette.css";

const GROUPS: readonly CommandGroup[] = ["Edit", "Map", "View", "Go to"];

export default function CommandPalette({
  open,
  onOpenChange,
  readOnly,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  readOnly: boolean;
}) {
  const registry = useCommandRegistry();
  const commands = useCommandList().filter((c) => !c.needsTarget && !(readOnly && c.edits));
  return (
    <Cmdk.Dialog
      open={open}
      onOpenChange={onOpenChange}
      label="Command palette"
      className="palette"
      overlayClassName="palette-overlay"
      contentClassName="palette-content"
    >
      <Cmdk.Input
        className="palette-input"
        placeholder="Type a command or search…"
        data-testid="palette.input"
      />
      <Cmdk.List className="palette-list">
        <Cmdk.Empty className="palette-empty">No command matches.</Cmdk.Empty>
        {GROUPS.map((group) => {
          const items = commands.filter((c) => c.group === group);
          if (items.length === 0) return null;
          return (
            <Cmdk.Group key={group} heading={group} className="palette-group">
              {items.map((command) => (
                <Cmdk.Item
                  key={command.id}
                  value={`${command.title} ${command.id}`}
                  keywords={[group, ...(command.keywords ?? [])]}
                  className="palette-item"
                  data-testid="palette.item"
                  onSelect={() => {
                    onOpenChange(false);
                    registry.run(command.id);
                  }}
                >
                  <span>{command.title}</span>
                  {command.keys?.[0] && (
                    <kbd className="palette-keys">{formatKeys(command.keys[0], APPLE)}</kbd>
                  )}
                </Cmdk.Item>
              ))}
            </Cmdk.Group>
          );
        })}
      </Cmdk.List>
    </Cmdk.Dialog>
  );
}
