import { z } from "zod";

// PostgreSQL cannot store U+0000 in text, and C0/C1 control characters have
// no place in what staff type: both are refused at the field instead of
// failing in the database or in an XML answer. A multi-line field keeps tab,
// line feed and carriage return.
const SINGLE_LINE = /^[^\u0000-\u001F\u007F-\u009F]*$/;
const MULTI_LINE = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$/;
// A lone half of a surrogate pair is not a character: it would be stored as U+FFFD, not as sent.
const LONE_SURROGATE = /\p{Cs}/u;

/** A string without NUL, control characters or lone surrogates; `what` names the field in the message. */
export function plainText(what: string, { multiline = false }: { multiline?: boolean } = {}) {
  const message = `${what} cannot contain control characters (such as NUL)${multiline ? " other than tabs and line breaks" : ""}.`;
  return z
    .string()
    .regex(multiline ? MULTI_LINE : SINGLE_LINE, message)
    .refine((value) => !LONE_SURROGATE.test(value), `${what} contains an incomplete character; type or paste it again.`);
}
