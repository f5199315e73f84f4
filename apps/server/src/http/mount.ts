/** Registers a route of the protocol's route table (its method and path) on a Hono app. */
import { type Route, routerPath } from "@journeymap/protocol/http";
import type { Handler, Hono, MiddlewareHandler } from "hono";

export function mount(
  app: Hono,
  route: Route,
  ...handlers: [...MiddlewareHandler[], Handler]
): void {
  // Hono's overloads do not take a spread of middleware ending in a handler: one cast here.
  app.on(route.method, routerPath(route.path), ...(handlers as [Handler]));
}
