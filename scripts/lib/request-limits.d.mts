import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

export const MAX_URL_LENGTH: number;
export function refuseOversizeUrl(req: IncomingMessage, res: ServerResponse): boolean;
export function answerClientError(error: Error & { code?: string; rawPacket?: Buffer }, socket: Duplex): void;
