// Shared by the server (what may be recorded) and the audit log's filters (what can be picked).

/** Every kind of event, with how the audit log names it. */
export const AUDIT_ACTIONS = {
  "token.created": "Token created",
  "token.updated": "Token edited",
  "token.revealed": "Token revealed",
  "token.deleted": "Token deleted",
  "token.redeemed": "Token redeemed",
  "token.redeem_failed": "Redemption failed",
  "token.rotated": "Token rotated",
  "token.unlocked": "Token unlocked",
  "token.sessions_ended": "Shop sessions ended",
  "apikey.created": "API key created",
  "apikey.revoked": "API key revoked",
  "staff.signin": "Staff signed in",
  "staff.signin_failed": "Staff sign-in failed",
  "staff.set_up": "First administrator set up",
  "staff.invited": "Staff member invited",
  "staff.provisioned": "Staff member created at single sign-on",
  "staff.updated": "Staff member changed",
  "staff.deactivated": "Staff member deactivated",
  "staff.reactivated": "Staff member reactivated",
  "staff.password_reset": "Password reset link made",
  "staff.password_set": "Password set with a link",
  "staff.password_changed": "Password changed",
  "staff.sessions_ended": "Staff sessions ended",
  "staff.mfa_enabled": "Two-factor authentication set up",
  "staff.mfa_removed": "Two-factor authentication removed",
  "person.created": "Person created",
  "person.updated": "Person updated",
  "person.deactivated": "Person deactivated",
  "people.synced": "People synced",
  "people.imported": "People imported",
  "punchout_buyer.created": "Punch-out buyer created",
  "punchout_buyer.disabled": "Punch-out buyer disabled",
  "punchout_buyer.enabled": "Punch-out buyer enabled",
  "punchout_buyer.deleted": "Punch-out buyer deleted",
  "punchout.started": "Punch-out started",
  "punchout.start_failed": "Punch-out refused",
  "punchout.transferred": "Punch-out cart transferred",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const isAuditAction = (value: string): value is AuditAction => Object.hasOwn(AUDIT_ACTIONS, value);
