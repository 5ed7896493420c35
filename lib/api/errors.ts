/**
 * The one catalogue of the REST API's errors: every
 * refusal the API can give is a code here, with its HTTP status, what went
 * wrong and what the caller can do about it. The OpenAPI document and the
 * API reference page are drawn from this table.
 */
import type { DomainErrorCode } from "@/lib/errors";

export const API_ERRORS = {
  API_KEY_MISSING: {
    status: 401,
    message: "No API key was sent.",
    solution:
      "Send the key in the Authorization header: `Authorization: Bearer lk_live_…`. Staff with the Configuration role create keys under Settings > API keys.",
  },
  API_KEY_INVALID: {
    status: 401,
    message: "The API key is not valid: it is unknown or has been revoked.",
    solution: "Check that the whole key was sent. A revoked key cannot be restored; ask for a new key under Settings > API keys.",
  },
  NOT_FOUND: {
    status: 404,
    message: "There is no such endpoint.",
    solution: "Check the path against the API reference (/api/v1/openapi.json). Every path starts with /api/v1/.",
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    message: "This endpoint does not accept this HTTP method.",
    solution: "Use one of the methods listed in the Allow header.",
  },
  NOT_ACCEPTABLE: {
    status: 406,
    message: "The API cannot answer in any format the Accept header allows.",
    solution: "Accept application/json (the default) or application/xml.",
  },
  INVALID_JSON: {
    status: 400,
    message: "The request body is not valid JSON.",
    solution: "Send a JSON object; check for trailing commas, single quotes or an empty body.",
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    message: "The request body is too large.",
    solution: "Keep the body under 64 KB; `extra` holds at most 4,000 characters.",
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: "The request body must be JSON.",
    solution: "Send the body with `Content-Type: application/json`.",
  },
  VALIDATION_FAILED: {
    status: 422,
    message: "The request has invalid or unknown fields.",
    solution: "Correct the fields listed in `details`. Fields the API does not know are refused rather than ignored.",
  },
  CONTACT_NOT_FOUND: {
    status: 422,
    message: "No contact has this contactId.",
    solution: "Check the id, or send the person's email instead.",
  },
  CUSTOMER_NOT_FOUND: {
    status: 422,
    message: "No customer has this customerId.",
    solution: "Check the id, or send the person's email instead.",
  },
  EMAIL_NOT_FOUND: {
    status: 422,
    message: "No contact or customer has this email address.",
    solution: "Check the address for typos, or send contactId or customerId instead.",
  },
  EMAIL_AMBIGUOUS: {
    status: 422,
    message: "A contact and a customer both have this email address.",
    solution: "Send contactId or customerId instead of email to say which one is meant.",
  },
  REASON_REQUIRED: {
    status: 422,
    message: "This installation requires a reason for tokens that sign in as a contact or customer.",
    solution: "Send `reason`: why the token is issued, in a sentence (at most 500 characters).",
  },
  TOKEN_NOT_FOUND: {
    status: 404,
    message: "No login token has this id; it may have been deleted.",
    solution: "Check the id: it is the token's `id` (a UUID) from the create or list response, not its secret value.",
  },
  TOKEN_INVALID_OR_EXPIRED: {
    status: 422,
    message: "The login token is invalid or has expired.",
    solution: "Do not retry with this token. Ask for a new login link. For security, the API does not say why a token was refused.",
  },
  RATE_LIMITED: {
    status: 429,
    message: "Too many failed redemptions with this API key.",
    solution: "Wait the number of seconds in the Retry-After header, then try again.",
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    message: "Latchkey cannot reach its database right now. Nothing was changed.",
    solution: "Wait the number of seconds in the Retry-After header, then send the same request again.",
  },
  PERSON_NOT_FOUND: {
    status: 404,
    message: "No company, contact or customer of this kind has this id.",
    solution: "Check the id: it is the webshop's own id, as sent in the PUT that created the record.",
  },
  EMAIL_TAKEN: {
    status: 409,
    message: "Another person of this kind already has this email address.",
    solution:
      "Emails are unique among contacts and among customers, compared case-insensitively. Change or deactivate the other person first, or send the right id.",
  },
  COMPANY_UNKNOWN: {
    status: 422,
    message: "No company has this companyId.",
    solution: "Create the company first with PUT /api/v1/companies/{id}, or in the same batch (companies are applied before contacts).",
  },
  DUPLICATE_IN_BATCH: {
    status: 422,
    message: "The same person, or the same email, appears twice in one batch.",
    solution: "Send each person once per batch; only the first of the two was applied.",
  },
  ASSISTANCE_DENIED: {
    status: 403,
    message: "This person, or their company, does not allow staff to sign in as them.",
    solution: "Ask the person to allow assistance in the webshop (the sync then sends assistanceAllowed: true), or create an anonymous token.",
  },
  PERSON_DEACTIVATED: {
    status: 422,
    message: "This contact or customer is deactivated; their tokens do not redeem.",
    solution: "Reactivate the person with a PUT from the webshop first.",
  },
  INTERNAL_ERROR: {
    status: 500,
    message: "Something went wrong on the server.",
    solution: "Try again in a moment. If it keeps happening, tell the Latchkey administrators the time of the request.",
  },
} as const satisfies Record<string, { status: number; message: string; solution: string }>;

export type ApiErrorCode = keyof typeof API_ERRORS;
export const API_ERROR_CODES = Object.keys(API_ERRORS) as [ApiErrorCode, ...ApiErrorCode[]];

/** One problem with one field; `path` is dotted (`ids.3`), relative to the body, query or path. */
export interface ApiErrorDetail {
  path: string;
  message: string;
}

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; solution: string; details?: ApiErrorDetail[] };
}

/** A refusal with a catalogue code; the guard turns it into the response. */
export class ApiError extends Error {
  readonly status: number;
  readonly solution: string;

  constructor(
    readonly code: ApiErrorCode,
    readonly options: { details?: ApiErrorDetail[]; headers?: Record<string, string> } = {},
  ) {
    super(API_ERRORS[code].message);
    this.name = "ApiError";
    this.status = API_ERRORS[code].status;
    this.solution = API_ERRORS[code].solution;
  }

  toBody(): ApiErrorBody {
    const { details } = this.options;
    return { error: { code: this.code, message: this.message, solution: this.solution, ...(details?.length ? { details } : {}) } };
  }
}

/**
 * Domain codes (lib/errors.ts) as the API names them. A field of the domain
 * is renamed to the API's field where the two differ. Null marks a refusal no
 * API endpoint can meet (staff accounts, passwords, punch-out settings): should
 * one reach the API after all, it answers INTERNAL_ERROR, logged.
 */
export const DOMAIN_ERROR_CODES: Record<DomainErrorCode, { code: ApiErrorCode; path?: string } | null> = {
  CONTACT_NOT_FOUND: { code: "CONTACT_NOT_FOUND", path: "contactId" },
  CUSTOMER_NOT_FOUND: { code: "CUSTOMER_NOT_FOUND", path: "customerId" },
  TOKEN_NOT_FOUND: { code: "TOKEN_NOT_FOUND" },
  VALIDATION_FAILED: { code: "VALIDATION_FAILED" },
  REASON_REQUIRED: { code: "REASON_REQUIRED", path: "reason" },
  ASSISTANCE_DENIED: { code: "ASSISTANCE_DENIED" },
  PERSON_DEACTIVATED: { code: "PERSON_DEACTIVATED" },
  API_KEY_NOT_FOUND: null,
  COMMON_PASSWORD: null,
  COMPANY_NOT_FOUND: null,
  EMAIL_TAKEN: null,
  LAST_ADMINISTRATOR: null,
  LINK_NOT_VALID: null,
  PUNCHOUT_BUYER_DISABLED: null,
  PUNCHOUT_BUYER_ENABLED: null,
  PUNCHOUT_BUYER_EXISTS: null,
  PUNCHOUT_BUYER_NOT_FOUND: null,
  SELF_DEACTIVATION: null,
  SESSION_NOT_FOUND: null,
  STAFF_DEACTIVATED: null,
  STAFF_NOT_FOUND: null,
  STALE_EDIT: null,
  TOKEN_NOT_LOCKED: null,
  WRONG_PASSWORD: null,
  ALREADY_SET_UP: null,
  IMPORT_FILE_INVALID: null,
  IMPORT_FILE_TOO_LARGE: null,
  NOT_SET_UP: null,
  SETUP_EXPIRED: null,
  WRONG_CODE: null,
  WRONG_PROOF: null,
};
