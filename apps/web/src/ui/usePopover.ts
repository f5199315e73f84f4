import { useCallback, useRef, useState } from "react";
import { useDismiss } from "./useDismiss.ts";

/**
 * A drop-down panel's state: open or not, and the ref of the element holding its button and
 * panel, closed on Escape or a press outside it (useDismiss).
 */
export function usePopover<E extends HTMLElement>() {
  const [open, setOpen] = useState(false);
  const ref = useRef<E>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, ref, close);
  return { open, setOpen, close, ref };
}
