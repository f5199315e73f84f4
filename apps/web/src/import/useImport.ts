import { useState } from "react";
import { ApiError } from "../api/apiClient.ts";
import { navigate } from "../router.ts";
import { fetchPreview, type ImportRequest, importMap } from "./importApi.ts";
import { tooLargeProblem } from "./importSource.ts";
import type { PreviewResponse } from "./importSummary.ts";

/**
 * One import, start to end: the server's preview of what was chosen or pasted, then the
 * import itself (which opens the new map). `title` overrides the file's own.
 */
export function useImport(title: string) {
  const [request, setRequest] = useState<ImportRequest | null>(null);
  const [preview, setPreview] = useState<PreviewResponse | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<"preview" | "import" | null>(null);

  const check = async (next: ImportRequest) => {
    setRequest(next);
    setPreview(null);
    setProblem(null);
    setBusy("preview");
    try {
      setPreview(await fetchPreview(next));
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const chooseFile = async (file: File | undefined) => {
    if (!file) return;
    const tooLarge = tooLargeProblem(file);
    if (tooLarge) {
      setRequest(null);
      setPreview(null);
      setProblem(tooLarge);
      return;
    }
    await check({ text: await file.text(), fileName: file.name, title });
  };

  const run = async () => {
    if (!request || !preview?.importable) return;
    setBusy("import");
    setProblem(null);
    try {
      const map = await importMap({ ...request, title });
      navigate(`/maps/${map.id}`);
    } catch (e) {
      setProblem((e as Error).message);
      if (e instanceof ApiError && e.issues.length > 0) {
        setPreview({ ...preview, errors: e.issues, importable: false });
      }
      setBusy(null);
    }
  };

  return { request, preview, problem, busy, check, chooseFile, run };
}
