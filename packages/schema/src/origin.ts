/**
 * Transaction origins: every mutation runs in a transaction tagged with one of these, so
 * undo can track the local user's edits only and the server can tell who wrote what.
 * LOCAL_ORIGIN is a singleton: Y.UndoManager matches tracked origins by identity.
 */
export type MapOrigin =
  | { readonly kind: "local" }
  | { readonly kind: "template"; readonly template: string }
  | { readonly kind: "migration"; readonly migration: string }
  | { readonly kind: "server"; readonly reason: string }
  | { readonly kind: "import"; readonly source: string };

export const LOCAL_ORIGIN: MapOrigin = Object.freeze({ kind: "local" });

export function isMapOrigin(value: unknown): value is MapOrigin {
  return (
    typeof value === "object" &&
    value !== null &&
    "kind" in value &&
    ["local", "template", "migration", "server", "import"].includes(String(value.kind))
  );
}
