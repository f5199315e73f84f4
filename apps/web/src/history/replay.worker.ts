/** The history page's replay worker (see replayPort.ts). */
import { type ReplayPort, serveReplay } from "./replayPort.ts";

serveReplay(self as unknown as ReplayPort);
