/**
 * SVG → PNG in the browser: the SVG is loaded as an image and drawn on a canvas at print
 * scale. Browsers cap canvas size (Chromium: 16,384 px a side in practice, ~268 M px in
 * all), so very large maps get a smaller scale rather than a blank image.
 */

const MAX_SIDE = 16_384;
const MAX_PIXELS = 120_000_000;

/** The largest scale ≤ `wanted` that the browser can draw for a width × height image. */
export function printScale(width: number, height: number, wanted: number): number {
  return Math.max(
    0.25,
    Math.min(wanted, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height))),
  );
}

export interface Raster {
  readonly blob: Blob;
  readonly width: number;
  readonly height: number;
}

export async function rasterizeSvg(
  svg: string,
  width: number,
  height: number,
  wanted = 2,
): Promise<Raster> {
  const scale = printScale(width, height, wanted);
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml;charset=utf-8" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("This browser cannot draw the map (no 2D canvas)");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("The map is too large to draw as an image");
    return { blob, width: canvas.width, height: canvas.height };
  } finally {
    URL.revokeObjectURL(url);
  }
}
