import { describe, expect, it, vi } from "vitest";
import { applyActionErrors } from "@/lib/actions/action-form-errors";

type Values = { extra: string; reason: string };
const FIELDS = ["extra", "reason"] as const;

describe("putting a refused action's errors where the person looks", () => {
  it("sets each schema error at its field and leaves nothing for a toast", () => {
    const setError = vi.fn();
    const message = applyActionErrors<Values>({ validationErrors: { formErrors: [], fieldErrors: { extra: ["Too long."] } } }, setError, FIELDS);
    expect(setError).toHaveBeenCalledWith("extra", { message: "Too long." });
    expect(message).toBeNull();
  });

  it("sets a domain error that names a field at that field", () => {
    const setError = vi.fn();
    const message = applyActionErrors<Values>({ serverError: { code: "REASON_REQUIRED", message: "Say why.", field: "reason" } }, setError, FIELDS);
    expect(setError).toHaveBeenCalledWith("reason", { message: "Say why." });
    expect(message).toBeNull();
  });

  it("returns a refusal that concerns no field, such as a stale edit or a missing permission", () => {
    const setError = vi.fn();
    expect(applyActionErrors<Values>({ serverError: { code: "STALE_EDIT", message: "Someone else changed this token." } }, setError, FIELDS)).toBe(
      "Someone else changed this token.",
    );
    expect(setError).not.toHaveBeenCalled();
  });

  it("never drops an error silently: one for a field the form does not show, or no answer at all, still says something", () => {
    const setError = vi.fn();
    expect(applyActionErrors<Values>({ validationErrors: { formErrors: [], fieldErrors: { id: ["Invalid id."] } } }, setError, FIELDS)).toBe("Invalid id.");
    expect(applyActionErrors<Values>(undefined, setError, FIELDS)).toBe("Nothing was saved. Please try again.");
    expect(setError).not.toHaveBeenCalled();
  });
});
