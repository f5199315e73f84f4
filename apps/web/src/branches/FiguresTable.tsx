import { type FigureInput, figureRows } from "./figureRows.ts";

/** The journey figures of both maps side by side with their difference. */
export function FiguresTable({
  figures,
  leftName,
  rightName,
}: {
  figures: FigureInput;
  leftName: string;
  rightName: string;
}) {
  return (
    <table className="figures-table" data-testid="compare.figures">
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col" title={leftName}>
            Original
          </th>
          <th scope="col" title={rightName}>
            Branch
          </th>
          <th scope="col" title="Difference">
            Δ
          </th>
        </tr>
      </thead>
      <tbody>
        {figureRows(figures).map((r) => (
          <tr key={`${r.sub ? "phase" : "figure"}:${r.label}`}>
            <th scope="row">{r.sub ? `· ${r.label}` : r.label}</th>
            <td>{r.left}</td>
            <td>{r.right}</td>
            <td className={r.better ? "figure-better" : undefined}>
              {r.better ? `${r.delta} ✓` : r.delta}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
