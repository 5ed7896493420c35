/** A staff member's email as they sign in with it: the browser's password manager files it as the username, and nothing rewrites what is typed. */
export const SIGN_IN_EMAIL_INPUT = { type: "email", autoComplete: "username", autoCapitalize: "none", spellCheck: false } as const;
