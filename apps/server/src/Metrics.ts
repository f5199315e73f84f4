/**
 * Prometheus metrics, in a registry per server instance (tests run several in one process).
 */
import { Counter, Gauge, Histogram, Registry } from "prom-client";

export class Metrics {
  readonly registry = new Registry();
  readonly connections = new Gauge({
    name: "journeymap_connections",
    help: "Open WebSocket connections",
    registers: [this.registry],
  });
  readonly updates = new Counter({
    name: "journeymap_updates_total",
    help: "Updates appended to the log, by origin",
    labelNames: ["origin"],
    registers: [this.registry],
  });
  readonly storeWriteSeconds = new Histogram({
    name: "journeymap_store_write_seconds",
    help: "Latency of appending one update to the store",
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly rejected = new Counter({
    name: "journeymap_rejected_total",
    help: "Connections, upgrades and messages rejected, by reason",
    labelNames: ["reason"],
    registers: [this.registry],
  });

  /** `documentsLoaded` is read at scrape time. */
  constructor(documentsLoaded: () => number = () => 0) {
    new Gauge({
      name: "journeymap_documents_loaded",
      help: "Maps loaded in memory",
      registers: [this.registry],
      collect() {
        this.set(documentsLoaded());
      },
    });
  }
}
