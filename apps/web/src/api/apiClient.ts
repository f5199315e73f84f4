/**
 * The one client of the server's HTTP API. A call names a route of the protocol's route table
 * and gets what its schema says: the answer is parsed (a malformed answer fails here, with the
 * route and the problem, rather than as a wrong value further on), every refusal becomes an
 * ApiError with the server's message, and the token travels as a bearer header.
 *
 * The route table and its schemas (zod) load with the first call, not with the page: the map
 * list is the first page people see, and zod would add a fifth to its JavaScript.
 */
import type {
  BodyOf,
  ImportIssue,
  PathParams,
  QueryOf,
  ResultOf,
  Route,
  RouteName,
  ROUTES,
  Schema,
  SchemaIssue,
} from "@journeymap/protocol/http";

type Routes = typeof ROUTES;
const protocol = () => import("@journeymap/protocol/http");

export class ApiError extends Error {
  readonly status: number;
  /** The server's own message, null when its answer had none (a proxy's error page…). */
  readonly reason: string | null;
  /** The problems of a refused file (imports); empty otherwise. */
  readonly issues: readonly ImportIssue[];

  constructor(status: number, reason: string | null, issues: readonly ImportIssue[] = []) {
    super(reason ?? `Request failed (${status})`);
    this.name = "ApiError";
    this.status = status;
    this.reason = reason;
    this.issues = issues;
  }
}

type ParamsOf<R extends Route> = keyof PathParams<R["path"]> extends never
  ? undefined
  : PathParams<R["path"]>;

/** A required field when the route takes it, absent when it does not. */
type Field<K extends string, T> = [T] extends [undefined]
  ? { readonly [P in K]?: undefined }
  : { readonly [P in K]: T };

export type CallInput<R extends Route> = Field<"params", ParamsOf<R>> &
  Field<"body", BodyOf<R>> & {
    readonly query?: QueryOf<R>;
    readonly token?: string;
    readonly headers?: Readonly<Record<string, string>>;
  };

export async function callApi<N extends RouteName>(
  name: N,
  input: CallInput<Routes[N]>,
): Promise<ResultOf<Routes[N]>> {
  type R = Routes[N];
  const { ImportRefusal, pathOf, ROUTES: table } = await protocol();
  const route: Route = table[name];
  const headers: Record<string, string> = { ...input.headers };
  if (input.token) headers.authorization = `Bearer ${input.token}`;
  let body: string | undefined;
  if (route.body) {
    const json = "schema" in route.body;
    headers["content-type"] = json
      ? "application/json"
      : `${route.body.contentType}; charset=utf-8`;
    body = json ? JSON.stringify(input.body) : (input.body as string);
  }
  const path = pathOf(route.path, (input.params ?? {}) as PathParams<string>);
  const res = await fetch(`${path}${queryString(input.query)}`, {
    method: route.method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const answer = route.responses[res.status];
  if (!answer) {
    const refusal = ImportRefusal.safeParse(await res.json().catch(() => null));
    throw refusal.success
      ? new ApiError(res.status, refusal.data.error, refusal.data.errors ?? [])
      : new ApiError(res.status, null);
  }
  if (answer.schema) return (await parsed(route, res, answer.schema)) as ResultOf<R>;
  if (answer.contentType) return new Uint8Array(await res.arrayBuffer()) as ResultOf<R>;
  return undefined as ResultOf<R>;
}

function queryString(
  query: Readonly<Record<string, string | number | boolean | undefined>> | undefined,
) {
  const pairs = Object.entries(query ?? {}).filter(([, v]) => v !== undefined);
  return pairs.length === 0 ? "" : `?${new URLSearchParams(pairs.map(([k, v]) => [k, String(v)]))}`;
}

async function parsed(route: Route, res: Response, schema: Schema): Promise<unknown> {
  const what = `${route.method} ${route.path} answered ${res.status}`;
  const json: unknown = await res.json().catch(() => {
    throw new ApiError(res.status, `Unexpected answer from the server (${what}): not JSON`);
  });
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 3).map(describeIssue).join("; ");
  throw new ApiError(res.status, `Unexpected answer from the server (${what}): ${problems}`);
}

// zod/mini carries no messages (they would weigh on the first bundle): say it from the issue.
function describeIssue(issue: SchemaIssue): string {
  const where = issue.path.join(".") || "body";
  return issue.code === "invalid_type"
    ? `${where}: expected ${issue.expected}`
    : `${where}: ${issue.code.replaceAll("_", " ")}`;
}
