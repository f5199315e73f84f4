/**
 * Security headers on every answer of the HTTP side: the web app, its assets, the API, health
 * and errors. The Content-Security-Policy is the built web app's needs and nothing more
 * (checked in a browser by e2e/securityHeaders.spec.ts):
 * - scripts only from our origin: Vite emits module scripts and no inline script, and nothing
 *   in the app evaluates strings;
 * - styles from our origin plus 'unsafe-inline': React `style` props set style attributes on
 *   most board elements (positions, colours, sizes) and the presence layer renders a <style>
 *   element of peer colours. Inline styles cannot run script; with scripts locked down, CSS
 *   injection is limited to what the page shows;
 * - images also from data: (the favicon) and blob: (PNG export rasterises an SVG blob);
 * - connections to our own origin only ('self' covers the same-origin ws:/wss: of /sync);
 * - nobody may frame the app (frame-ancestors 'none', and X-Frame-Options for old browsers):
 *   a page on another origin of the same site could otherwise frame a board with the
 *   visitor's tokens and trick them into edits.
 * The referrer is never sent: nothing of ours needs it, and paths name maps.
 */
import { secureHeaders } from "hono/secure-headers";

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:", "blob:"],
  fontSrc: ["'self'", "data:"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: "DENY",
    referrerPolicy: "no-referrer",
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
  });
