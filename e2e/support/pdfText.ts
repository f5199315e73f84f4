/**
 * Reads back what a PDF says, for assertions: page count and sizes through pdf-lib, and the
 * text drawn with the standard fonts (hex strings shown with Tj in Flate-compressed content
 * streams, which is how pdf-lib writes them). Not a general PDF text extractor.
 */
import { inflateSync } from "node:zlib";
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFRef } from "pdf-lib";

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly text: string;
  readonly images: number;
}

function streamBytes(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of("Filter"));
  return filter === PDFName.of("FlateDecode") ? inflateSync(stream.contents) : stream.contents;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams: PDFRawStream[] = [];
    if (contents instanceof PDFArray) {
      for (let i = 0; i < contents.size(); i++) {
        const s = doc.context.lookup(contents.get(i) as PDFRef);
        if (s instanceof PDFRawStream) streams.push(s);
      }
    } else if (contents instanceof PDFRawStream) streams.push(contents);
    const ops = streams.map((s) => Buffer.from(streamBytes(s)).toString("latin1")).join("\n");
    const text = [...ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)]
      .map((m) => Buffer.from(m[1]!, "hex").toString("latin1"))
      .join("\n");
    const { width, height } = page.getSize();
    return { width, height, text, images: (ops.match(/\/\S+ Do/g) ?? []).length };
  });
}
