/**
 * The insights view's branch panel (issue 17): for a branch, its figures against the original;
 * for a map with branches, each active branch's against it, as the server compares them
 * (`compareBranch`): the sentence and the figures table, each with the way to the side-by-side
 * view. Nothing when there is none.
 */
import { useEffect, useState } from "react";
import { navigate, useRoute } from "../router.ts";
import { branchComparisons, type Compared } from "./branchComparisons.ts";
import { FiguresTable } from "./FiguresTable.tsx";
import "./Branches.css";

export function BranchFigures() {
  const route = useRoute();
  const mapId = "mapId" in route ? route.mapId : "";
  const [compared, setCompared] = useState<readonly Compared[]>([]);
  useEffect(() => {
    if (!mapId) return;
    let live = true;
    branchComparisons(mapId).then((found) => {
      if (live) setCompared(found);
    });
    return () => {
      live = false;
    };
  }, [mapId]);
  if (compared.length === 0) return null;
  return (
    <section
      className="iv-panel iv-panel--wide"
      aria-labelledby="branch-figures"
      data-testid="views.branch-figures"
    >
      <h2 id="branch-figures" className="iv-title">
        Branches: as-is and to-be
      </h2>
      <ul className="branch-figures">
        {compared.map(({ branch, comparison }) => (
          <li key={branch.id}>
            <p>
              <strong>{branch.name}</strong>: {comparison.summary}.
            </p>
            <FiguresTable figures={comparison} leftName="Original" rightName={branch.name} />
            <a
              href={`/maps/${branch.id}/compare`}
              onClick={(e) => {
                e.preventDefault();
                navigate(`/maps/${branch.id}/compare`);
              }}
            >
              Compare side by side
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
