import { PEOPLE_ENDPOINTS } from "@/lib/api/people-schemas";
import { API_ENDPOINTS } from "@/lib/api/endpoint-registry";

/** Every endpoint of the API: the login tokens' and the people's. */
export const ALL_ENDPOINTS = { ...API_ENDPOINTS, ...PEOPLE_ENDPOINTS };
export type AnyEndpointName = keyof typeof ALL_ENDPOINTS;
