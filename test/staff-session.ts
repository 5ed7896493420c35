let staffId: string | null = null;
let headerValues: Record<string, string> = { "x-forwarded-for": "203.0.113.7", "user-agent": "latchkey-tests" };

/** Makes the next server action run as this staff member (or as nobody). */
export function signInAs(staff: { id: string } | null) {
  staffId = staff?.id ?? null;
}

export function signedInStaffId() {
  return staffId;
}

export function setRequestHeaders(values: Record<string, string>) {
  headerValues = values;
}

export function testRequestHeaders() {
  return new Headers(headerValues);
}
