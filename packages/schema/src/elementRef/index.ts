export * from "./elementRef.ts";
export { elementLabel } from "./elementLabel.ts";
export { elementOfTalkTarget, talkTargetOf } from "./talkTarget.ts";
