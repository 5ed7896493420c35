/**
 * An expected refusal from a domain service: shown to the user as it is, at
 * `field` when it concerns one. The REST API maps `code` to its catalogue.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** What a server action returns as `serverError`. */
export interface ActionServerError {
  message: string;
  code: string;
  field?: string;
}
