export const REDEEM_PATH: string;
export const OWN_POLICY_PATH: string;
export function baselineHeaders(options: { https: boolean; redeemPath?: boolean; ownPolicy?: boolean }): Record<string, string>;
export function clientAddress(forwardedFor: string | undefined, socketAddress: string | undefined, hops: number): string;
