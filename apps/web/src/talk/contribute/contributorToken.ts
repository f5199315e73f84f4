/**
 * A contributor link (`/contribute/<mapId>#token=…`) carries a token that can only submit
 * evidence; it is kept for this tab only and never joins the map list (it opens no map).
 */
const key = (mapId: string) => `journeymap.contribute.${mapId}`;
const PROFILE = "journeymap.contributor";

export function adoptContributorToken(mapId: string): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(key(mapId), decodeURIComponent(match[1]));
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(key(mapId)) ?? "";
}

export interface ContributorProfile {
  readonly name: string;
  readonly team: string;
}

/** The name and team typed last time, so the next contribution takes seconds. */
export function loadProfile(): ContributorProfile {
  try {
    const raw = JSON.parse(localStorage.getItem(PROFILE) ?? "{}") as Partial<ContributorProfile>;
    return { name: String(raw.name ?? ""), team: String(raw.team ?? "") };
  } catch {
    return { name: "", team: "" };
  }
}

export function saveProfile(profile: ContributorProfile): void {
  localStorage.setItem(PROFILE, JSON.stringify(profile));
}

export function contributeUrl(mapId: string, token: string): string {
  return `${window.location.origin}/contribute/${mapId}#token=${encodeURIComponent(token)}`;
}
