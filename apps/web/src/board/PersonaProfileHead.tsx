import { Avatar } from "../ui/Avatar.tsx";
import { PersonaField } from "./PersonaField.tsx";

/** A persona's avatar with its name and role fields: the same on the board and in the library. */
export function PersonaProfileHead({
  name,
  role,
  colour,
  readOnly,
  autoFocus = false,
  onName,
  onRole,
}: {
  name: string;
  role: string;
  colour: string;
  readOnly: boolean;
  /** Focus the name on mount (a persona just added). */
  autoFocus?: boolean;
  onName: (name: string) => void;
  onRole: (role: string) => void;
}) {
  return (
    <div className="persona-profile-head">
      <Avatar name={name} colour={colour} large />
      <div className="persona-profile-names">
        <PersonaField
          label="Name"
          value={name}
          autoFocus={autoFocus}
          readOnly={readOnly}
          onCommit={onName}
        />
        <PersonaField
          label="Role"
          value={role}
          placeholder="e.g. Delivery lead (evaluator)"
          readOnly={readOnly}
          onCommit={onRole}
        />
      </div>
    </div>
  );
}
