import { Plus } from "lucide-react";
import type { ReactNode } from "react";
import type { CommandTarget } from "../commands/CommandRegistry.ts";
import { useCommandRegistry } from "../commands/useCommands.ts";

export interface AddButtonProps {
  /** The registry command it runs (the palette's and context menus' too). */
  readonly command: string;
  readonly target?: CommandTarget;
  readonly className: string;
  readonly testId?: string;
  readonly children: ReactNode;
}

/** A "+ Add …" button on the board that runs a registry command. */
export function AddButton({ command, target, className, testId, children }: AddButtonProps) {
  const registry = useCommandRegistry();
  return (
    <button
      type="button"
      className={className}
      data-testid={testId}
      onClick={() => registry.run(command, target)}
    >
      <Plus size={14} /> {children}
    </button>
  );
}
