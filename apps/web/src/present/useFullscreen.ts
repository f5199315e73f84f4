import { useCallback, useEffect, useState } from "react";

// Browsers refuse without a recent click or key press; a refusal leaves things as they were.
export function enterFullscreen(): void {
  if (!document.fullscreenElement) document.documentElement.requestFullscreen?.().catch(() => {});
}

export function leaveFullscreen(): void {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
}

/** Whether the page is full screen, and a toggle (the button is always there as a fallback). */
export function useFullscreen(): { on: boolean; toggle: () => void } {
  const [on, setOn] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const sync = () => setOn(document.fullscreenElement !== null);
    document.addEventListener("fullscreenchange", sync);
    return () => document.removeEventListener("fullscreenchange", sync);
  }, []);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) leaveFullscreen();
    else enterFullscreen();
  }, []);
  return { on, toggle };
}
