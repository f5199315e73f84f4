import { ChannelLabel } from "./ChannelLabel.tsx";
import { type HeatCell, type HeatTable, shade } from "./insightTables.ts";

/** "7 (3)": the summed severity, then how many pain points it comes from. */
function severityOf(cell: HeatCell) {
  return (
    <>
      {cell.severity} <span className="iv-count">({cell.painPoints})</span>
    </>
  );
}

/** Pain-point severity by phase and channel, shaded; totals by phase, by channel and overall. */
export function HotspotTable({ heat }: { heat: HeatTable }) {
  if (heat.total.painPoints === 0) return <p className="iv-empty">No open pain points.</p>;
  return (
    <div className="iv-table-scroll">
      <table className="iv-table" data-testid="views.heat-table">
        <caption className="visually-hidden">Pain-point severity by phase and channel</caption>
        <thead>
          <tr>
            <th scope="col">Phase</th>
            {heat.channels.map((c) => (
              <th scope="col" key={c}>
                <ChannelLabel channel={c} />
              </th>
            ))}
            <th scope="col">By phase</th>
          </tr>
        </thead>
        <tbody>
          {heat.rows.map((row) => (
            <tr key={row.phase.id}>
              <th scope="row">{row.phase.name}</th>
              {row.cells.map((cell, i) => (
                <td
                  key={heat.channels[i]}
                  className={`iv-heat iv-heat--${shade(cell.severity, heat.max)}`}
                >
                  {cell.painPoints > 0 ? severityOf(cell) : <span className="iv-zero">0</span>}
                </td>
              ))}
              <td className="iv-total" data-testid="views.heat-phase-total">
                {severityOf(row.total)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">By channel</th>
            {heat.channelTotals.map((t, i) => (
              <td key={heat.channels[i]} className="iv-total">
                {severityOf(t)}
              </td>
            ))}
            <td className="iv-total iv-grand" data-testid="views.heat-total">
              {severityOf(heat.total)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
