/**
 * Every code a domain service refuses with. The REST API's table of them
 * (DOMAIN_ERROR_CODES in lib/api/errors.ts) must name each one, so a new
 * code fails the typecheck until the API knows how to answer it.
 */
export type DomainErrorCode =
  | "ALREADY_SET_UP"
  | "API_KEY_NOT_FOUND"
  | "ASSISTANCE_DENIED"
  | "COMMON_PASSWORD"
  | "COMPANY_NOT_FOUND"
  | "CONTACT_NOT_FOUND"
  | "CUSTOMER_NOT_FOUND"
  | "EMAIL_TAKEN"
  | "IMPORT_FILE_INVALID"
  | "IMPORT_FILE_TOO_LARGE"
  | "LAST_ADMINISTRATOR"
  | "LINK_NOT_VALID"
  | "NOT_SET_UP"
  | "PERSON_DEACTIVATED"
  | "PUNCHOUT_BUYER_DISABLED"
  | "PUNCHOUT_BUYER_ENABLED"
  | "PUNCHOUT_BUYER_EXISTS"
  | "PUNCHOUT_BUYER_NOT_FOUND"
  | "REASON_REQUIRED"
  | "SELF_DEACTIVATION"
  | "SESSION_NOT_FOUND"
  | "SETUP_EXPIRED"
  | "STAFF_DEACTIVATED"
  | "STAFF_NOT_FOUND"
  | "STALE_EDIT"
  | "TOKEN_NOT_FOUND"
  | "TOKEN_NOT_LOCKED"
  | "VALIDATION_FAILED"
  | "WRONG_CODE"
  | "WRONG_PASSWORD"
  | "WRONG_PROOF";

/**
 * An expected refusal from a domain service: shown to the user as it is, at
 * `field` when it concerns one. The REST API maps `code` to its catalogue.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly code: DomainErrorCode,
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
