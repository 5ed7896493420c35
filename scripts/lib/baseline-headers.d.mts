export function baselineHeaders(options: { https: boolean }): Record<string, string>;
export function clientAddress(forwardedFor: string | undefined, socketAddress: string | undefined, hops: number): string;
