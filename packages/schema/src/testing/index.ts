export { ReplicaNetwork } from "./ReplicaNetwork.ts";
export { checkInvariants } from "./checkInvariants.ts";
export { applyOp, OPS, type Op, opArb, stats } from "./randomOps.ts";
export { comparableMap } from "./comparableMap.ts";
export { loggedMap } from "./loggedMap.ts";
export { randomLog } from "./randomLog.ts";
export { seededRandom } from "./seededRandom.ts";
export {
  applyInsideEdit,
  CONTAINER_KINDS,
  deleteContainer,
  type InsideWork,
  insideEditArb,
  insideOf,
} from "./editsInside.ts";
