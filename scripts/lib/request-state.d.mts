import type { ServerResponse } from "node:http";

export function withRequestState(res: ServerResponse, handle: () => void): void;
