/**
 * What the route table says about one route, and the types a client derives from it. Paths
 * are written as in OpenAPI (`/api/maps/{mapId}`); `pathOf` fills them in, `routerPath` turns
 * them into a router's `:mapId` form.
 */
import type * as z from "zod/mini";
import type { RouteAccess } from "./access.ts";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

/** A JSON body with its schema, or another content type (bytes, CSV, a file) in words. */
export type Content =
  | { readonly schema: z.ZodMiniType }
  | { readonly contentType: string; readonly description: string };

export interface Answer {
  readonly description: string;
  /** JSON with this schema… */
  readonly schema?: z.ZodMiniType;
  /** …or this content type (no schema: bytes or a file). Neither: no body. */
  readonly contentType?: string;
  /** Response headers worth knowing, with what they say. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Param {
  readonly schema: z.ZodMiniType;
  readonly description: string;
}

export interface Route {
  readonly method: HttpMethod;
  readonly path: `/${string}`;
  readonly summary: string;
  readonly description?: string;
  readonly access: RouteAccess;
  readonly query?: Readonly<Record<string, Param>>;
  /** Request headers beyond the bearer token. */
  readonly headers?: Readonly<Record<string, Param>>;
  readonly body?: Content;
  /** Answers that carry a result (a 422 can: a CSV preview with its row errors). */
  readonly responses: Readonly<Record<number, Answer>>;
  /** Refusals: their body says why (ErrorBody unless the answer names another schema). */
  readonly errors: Readonly<Record<number, Answer>>;
}

type ParamNames<P extends string> = P extends `${string}{${infer N}}${infer Rest}`
  ? N | ParamNames<Rest>
  : never;

export type PathParams<P extends string> = { readonly [K in ParamNames<P>]: string };

/** `path` with its parameters filled in (URI-encoded). */
export function pathOf<P extends string>(path: P, params: PathParams<P>): string {
  const values = params as Readonly<Record<string, string>>;
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${path}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
}

/** `/api/maps/{mapId}` as a router writes it: `/api/maps/:mapId`. */
export function routerPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ":$1");
}

type Output<A> = A extends { readonly schema: infer S extends z.ZodMiniType }
  ? z.output<S>
  : A extends { readonly contentType: string }
    ? Uint8Array
    : undefined;

/** What a successful call of `R` gives: the parsed JSON (the caller's own), bytes, or nothing. */
export type ResultOf<R extends Route> = {
  [S in keyof R["responses"]]: Output<R["responses"][S]>;
}[keyof R["responses"]];

/** What a call of `R` sends: the JSON body's input, the text of another content, or nothing. */
export type BodyOf<R extends Route> = R["body"] extends {
  readonly schema: infer S extends z.ZodMiniType;
}
  ? z.input<S>
  : R["body"] extends { readonly contentType: string }
    ? string
    : undefined;

export type QueryOf<R extends Route> =
  R["query"] extends Readonly<Record<string, Param>>
    ? { readonly [K in keyof R["query"]]?: string | number | boolean }
    : Record<never, never>;

type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** What a schema's answer holds, read-only: the server may answer with read-only values. */
export type Payload<S extends z.ZodMiniType> = DeepReadonly<z.output<S>>;

/** A payload's schema, and one problem it found (for clients that do not import zod). */
export type Schema = z.ZodMiniType;
export type SchemaIssue = z.core.$ZodIssue;
