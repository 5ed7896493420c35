import { describe, expect, it } from "vitest";
import { submitToAction } from "@/components/actions/submit-to-action";

type Values = { code: string };

function formThatRecords() {
  const errors: [string, string | undefined][] = [];
  return { errors, setError: (name: string, error: { message?: string }) => void errors.push([name, error.message]) };
}

describe("a form's submit through a guarded action", () => {
  it("gives the action the form's values and its data to onDone", async () => {
    const form = formThatRecords();
    const sent: Values[] = [];
    const done: string[][] = [];
    const confirm = async (values: Values) => {
      sent.push(values);
      return { data: { recoveryCodes: ["a", "b"] } };
    };
    const submit = submitToAction(form, confirm, ["code"], "Not set up", (data) => done.push(data.recoveryCodes));
    await submit({ code: "123456" });
    expect(sent).toEqual([{ code: "123456" }]);
    expect(done).toEqual([["a", "b"]]);
    expect(form.errors).toEqual([]);
  });

  it("puts a refusal at the field it concerns and does not call onDone", async () => {
    const form = formThatRecords();
    const done: unknown[] = [];
    const refused = { validationErrors: { formErrors: [], fieldErrors: { code: ["Enter the 6-digit code your app shows."] } } };
    const refuse = async () => refused;
    const submit = submitToAction<Values, unknown>(form, refuse, ["code"], "Not set up", (data) => done.push(data));
    await submit({ code: "12" });
    expect(form.errors).toEqual([["code", "Enter the 6-digit code your app shows."]]);
    expect(done).toEqual([]);
  });
});
