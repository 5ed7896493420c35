import type { LoginTokenFieldValues } from "@/app/(admin)/users/login-tokens/_components/login-token-form-fields";
import type { LoginTokenSettings } from "@/lib/login-tokens/list-types";

/**
 * A token's settings as the create and edit forms hold them: a text the
 * token does not have is an empty box. Kept apart from the fields, so the
 * create dialog can take a token's settings before the form's code loads.
 */
export function loginTokenFieldValues(settings: LoginTokenSettings): LoginTokenFieldValues {
  return {
    expiresAt: settings.expiresAt,
    extra: settings.extra ?? "",
    oneTimeUse: settings.oneTimeUse,
    maxUses: settings.maxUses,
    useWindowMinutes: settings.useWindowMinutes,
    referrer: settings.referrer ?? "",
    redirectPath: settings.redirectPath ?? "",
  };
}
