import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { API_ERROR_CODES } from "@/lib/api/errors";

// Once, before any schema of the API: `.openapi()` describes query and path
// parameters, which zod's own `.meta()` cannot. Every API schema module
// imports this one, so the extension comes first whichever is loaded first.
extendZodWithOpenApi(z);

/** The shapes every part of the API's contract shares: paging bounds, dates, the token's person, the error body. */

export const LIST_LIMIT_MAX = 100;
export const LIST_LIMIT_DEFAULT = 25;

export const isoDateTime = z.iso.datetime().openapi({ example: "2026-11-24T09:30:00.000Z" });

export const tokenUserSchema = z
  .strictObject({
    type: z.enum(["CONTACT", "CUSTOMER"]).openapi({ description: "A contact (B2B buyer) or a customer (B2C buyer)." }),
    id: z.number().int().positive().openapi({ example: 1042 }),
    name: z.string().openapi({ example: "Cora Jansen" }),
    email: z.string().openapi({ example: "cora@buyer.example" }),
  })
  .openapi("TokenUser", { description: "The contact or customer the token signs in as; null for an anonymous token." });

export const apiErrorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(API_ERROR_CODES).openapi({ description: "A code of the error catalogue; stable, unlike the message." }),
      message: z.string().openapi({ description: "What went wrong, for a developer." }),
      solution: z.string().openapi({ description: "What to do about it." }),
      details: z
        .array(
          z.strictObject({
            path: z
              .string()
              .openapi({ description: "The field, dotted for nested fields (`ids.2`); the query parameter or path parameter by name.", example: "expiresIn" }),
            message: z.string().openapi({ example: "expiresIn must be a whole number of seconds from 60 to 86400." }),
          }),
        )
        .optional()
        .openapi({ description: "One entry per field that was refused (validation errors and unknown fields)." }),
    }),
  })
  .openapi("Error");
export type ApiErrorResponse = z.infer<typeof apiErrorSchema>;
