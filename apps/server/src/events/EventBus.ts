/**
 * The in-process event bus: features emit what happened on a map (evidence submitted, a
 * version named, a comment mentioning someone…; names and payloads in the protocol's
 * events.ts), and subscribers (the webhooks) act on it. Emitting never fails the emitter: a
 * listener's error is logged, and `emit` resolves once every listener has handled the event.
 */
import type { EventData, EventName, MapEvent } from "@journeymap/protocol/http";
import type { Logger } from "../logger.ts";

export type EventListener = (event: MapEvent) => void | Promise<void>;

export class EventBus {
  private readonly listeners = new Set<EventListener>();
  private readonly log: Pick<Logger, "error">;

  constructor(log: Pick<Logger, "error">) {
    this.log = log;
  }

  /** Calls `listener` on every event from now on; the answer unsubscribes. */
  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async emit<E extends EventName>(type: E, mapId: string, data: EventData<E>): Promise<void> {
    const event = { type, mapId, data } as MapEvent;
    await Promise.all(
      [...this.listeners].map(async (listener) => {
        try {
          await listener(event);
        } catch (error) {
          this.log.error({ err: error, event: type, mapId }, "an event listener failed");
        }
      }),
    );
  }
}
