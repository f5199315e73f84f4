import type { JourneyMap } from "@journeymap/schema";
import { ChannelLabel } from "./ChannelLabel.tsx";
import { type ChannelRow, shade } from "./insightTables.ts";

export interface ChannelMatrixProps {
  readonly map: JourneyMap;
  readonly omni: { readonly rows: readonly ChannelRow[]; readonly max: number };
}

/** The omni-channel picture: how many steps happen on each channel in each phase. */
export function ChannelMatrix({ map, omni }: ChannelMatrixProps) {
  return (
    <div className="iv-table-scroll">
      <table className="iv-table iv-matrix" data-testid="views.channel-matrix">
        <caption className="visually-hidden">Steps by channel and phase</caption>
        <thead>
          <tr>
            <th scope="col">Channel</th>
            {map.phases.map((p) => (
              <th scope="col" key={p.id}>
                <span className="tv-swatch" style={{ background: p.colour }} aria-hidden="true" />
                {p.name}
              </th>
            ))}
            <th scope="col">Steps</th>
          </tr>
        </thead>
        <tbody>
          {omni.rows.map((row) => (
            <tr key={row.channel} data-channel={row.channel}>
              <th scope="row">
                <ChannelLabel channel={row.channel} />
              </th>
              {row.cells.map((cell, i) => (
                <td
                  key={map.phases[i]?.id}
                  className={`iv-cell iv-omni--${shade(cell.length, omni.max)}`}
                  title={cell.map((t) => t.name).join("\n") || undefined}
                  data-testid="views.matrix-cell"
                >
                  {cell.length > 0 ? (
                    <>
                      <span className="iv-omni-count">{cell.length}</span>
                      <span className="iv-omni-steps">{cell.map((t) => t.name).join(", ")}</span>
                    </>
                  ) : (
                    <span className="iv-zero">0</span>
                  )}
                </td>
              ))}
              <td className="iv-total">{row.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
