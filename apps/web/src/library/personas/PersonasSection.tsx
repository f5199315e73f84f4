import type { LibrarySectionProps } from "../LibraryPage.tsx";

/** Placeholder: replaced by the section's own work (issue 19). */
export default function PersonasSection(_props: LibrarySectionProps) {
  return <p className="page-lede">This section is being built.</p>;
}
