// The part of the `oidc-provider` package the end-to-end identity provider uses (the package ships no types).
declare module "oidc-provider" {
  import type { Server } from "node:http";

  interface Account {
    accountId: string;
    claims(): Record<string, unknown>;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown> & { findAccount?: (ctx: unknown, sub: string) => Account | undefined });
    listen(port: number, host: string, listening: () => void): Server;
  }
}
