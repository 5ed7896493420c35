import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX } from "@/lib/api/shapes";
import { NUMBER_OPERATORS, type NumberCondition } from "@/lib/login-tokens/filters";
import { INT32_MAX } from "@/lib/login-tokens/schemas";

// Before any schema below: `.openapi()` describes query and path parameters,
// which zod's own `.meta()` cannot. A second call is a no-op.
extendZodWithOpenApi(z);

/** A query or path parameter, described once for validation and the OpenAPI document. */
export const param = <T extends z.ZodType>(schema: T, description: string, example?: unknown) =>
  schema.openapi({ description, param: { description, ...(example === undefined ? {} : { example }) } });

export const queryDate = (description: string) =>
  param(
    z.iso
      .datetime({ offset: true, error: "Use an ISO 8601 date-time with a time zone, such as 2026-11-24T00:00:00Z." })
      .transform((value) => new Date(value))
      .optional(),
    description,
  );

export const queryCondition = (what: string) =>
  param(
    z
      .string()
      .regex(new RegExp(`^((${NUMBER_OPERATORS.join("|")}):)?\\d{1,9}$`), `Use an operator and a count, such as gte:3 (${NUMBER_OPERATORS.join(", ")}).`)
      .transform((value): NumberCondition => {
        const [op, count] = value.includes(":") ? value.split(":") : ["eq", value];
        return { op: op as NumberCondition["op"], value: Number(count) };
      })
      .optional(),
    `${what}: an operator and a count, such as gte:3 (eq, ne, lt, lte, gt, gte); a bare count means eq.`,
    "gte:1",
  );

export const queryId = (description: string) =>
  param(
    z.coerce
      .number({ error: "Use a whole number." })
      .int("Use a whole number.")
      .positive("Use a positive number.")
      .max(INT32_MAX, "The number is too large.")
      .optional(),
    description,
  );

/** A list's page size; `what` names its records ("Tokens"). */
export const queryLimit = (what: string) =>
  param(
    z.coerce
      .number({ error: "limit must be a number." })
      .int(`limit must be a whole number from 1 to ${LIST_LIMIT_MAX}.`)
      .min(1, `limit must be a whole number from 1 to ${LIST_LIMIT_MAX}.`)
      .max(LIST_LIMIT_MAX, `limit must be a whole number from 1 to ${LIST_LIMIT_MAX}.`)
      .default(LIST_LIMIT_DEFAULT),
    `${what} per page, 1 to ${LIST_LIMIT_MAX}.`,
    LIST_LIMIT_DEFAULT,
  );
