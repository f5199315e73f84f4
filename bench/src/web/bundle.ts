/**
 * The initial JavaScript of the built app: index.html's entry module plus everything it
 * modulepreloads (what the browser fetches before the first screen), gzipped; every other chunk
 * is loaded lazily. Sizes at gzip level 9, close to what a server sends.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface Chunk {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface BundleSizes {
  readonly initial: readonly Chunk[];
  readonly lazy: readonly Chunk[];
  readonly initialGzipBytes: number;
  readonly lazyGzipBytes: number;
  readonly initialCssGzipBytes: number;
  /** What opening a board link downloads before the board shows: initial + the board chunk
   * and its static imports. */
  readonly boardRouteGzipBytes: number;
}

/** `file` and the chunks it imports statically (not `import()`), transitively. */
export function staticClosure(dist: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(path.join(dist, file), "utf8");
  const dir = path.posix.dirname(file);
  for (const m of code.matchAll(
    /(?:^|[;\s}])(?:import|export)\s*(?:[^"'()]*?from\s*)?["']([^"']+\.js)["']/g,
  ))
    staticClosure(dist, path.posix.join(dir, m[1]!), seen);
  return seen;
}

function chunk(dist: string, file: string): Chunk {
  const content = readFileSync(path.join(dist, file));
  return { file, bytes: content.byteLength, gzipBytes: gzipSync(content, { level: 9 }).byteLength };
}

/** The `src`/`href` of index.html's entry script and modulepreload links, in order. */
export function initialScripts(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isEntry = /^<script/.test(tag) && /type="module"/.test(tag);
    const isPreload = /^<link/.test(tag) && /rel="modulepreload"/.test(tag);
    const url = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if ((isEntry || isPreload) && url) found.push(url.replace(/^\//, ""));
  }
  return found;
}

export function bundleSizes(dist: string): BundleSizes {
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  const initialFiles = initialScripts(html);
  if (initialFiles.length === 0) throw new Error(`no entry script in ${dist}/index.html`);
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/?([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  const js = readdirSync(path.join(dist, "assets"))
    .filter((f) => f.endsWith(".js"))
    .map((f) => `assets/${f}`);
  const initial = initialFiles.map((f) => chunk(dist, f));
  const lazy = js.filter((f) => !initialFiles.includes(f)).map((f) => chunk(dist, f));
  const sum = (chunks: readonly Chunk[]) => chunks.reduce((n, c) => n + c.gzipBytes, 0);
  const board = js.find((f) => /\/BoardPage-[^/]+\.js$/.test(f));
  if (!board) throw new Error(`no BoardPage chunk in ${dist}/assets`);
  const boardRoute = new Set(initialFiles);
  for (const f of staticClosure(dist, board)) boardRoute.add(f);
  return {
    boardRouteGzipBytes: sum([...boardRoute].map((f) => chunk(dist, f))),
    initial,
    lazy,
    initialGzipBytes: sum(initial),
    lazyGzipBytes: sum(lazy),
    initialCssGzipBytes: sum(css.map((f) => chunk(dist, f))),
  };
}
