/** The server's import calls: a preview that writes nothing, and the import itself. */
import { ROLE } from "@journeymap/protocol";
import { ApiError, callApi } from "../api/apiClient.ts";
import { rememberToken } from "../sync/tokens.ts";

export interface ImportRequest {
  readonly text: string;
  readonly fileName: string;
  /** For CSV files, which carry no title of their own. */
  readonly title?: string;
}

function upload({ text, fileName, title }: ImportRequest) {
  return {
    body: text,
    query: { filename: fileName, ...(title?.trim() ? { title: title.trim() } : {}) },
  };
}

/** A refusal says what the server said, or that it refused the file. */
async function refusedAs<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiError && error.reason === null) {
      throw new ApiError(error.status, `The server refused the file (${error.status})`);
    }
    throw error;
  }
}

export const fetchPreview = (request: ImportRequest) =>
  refusedAs(callApi("previewImport", upload(request)));

/** Creates the map; this browser becomes its owner. */
export async function importMap(request: ImportRequest) {
  const created = await refusedAs(callApi("importMap", upload(request)));
  rememberToken(created.id, created.token, ROLE.owner);
  return created;
}
