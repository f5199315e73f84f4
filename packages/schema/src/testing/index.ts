export { ReplicaNetwork } from "./ReplicaNetwork.ts";
export { checkInvariants } from "./checkInvariants.ts";
