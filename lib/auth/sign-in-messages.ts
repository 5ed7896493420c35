// What the sign-in form says for each outcome next-auth reports. Shared by the
// page (errors passed in the URL) and the form (errors from signIn()).

/** next-auth's error when the throttle refuses: `SignInThrottled:<seconds to wait>`. */
export const SIGN_IN_THROTTLED = "SignInThrottled";

/** next-auth's error when the password was right and the code of the second factor is asked for. */
export const SECOND_FACTOR_REQUIRED = "SecondFactorRequired";
export const SECOND_FACTOR_WRONG = "SecondFactorWrong";
/** next-auth's error when the identity provider vouched for someone who is not (or no longer) staff here. */
export const SINGLE_SIGN_ON_REFUSED = "SingleSignOnRefused";

// One message for an unknown email and a wrong password alike, so the form
// cannot be used to find out who has an account.
export const SIGN_IN_REFUSED = "The email or password is not right.";
export const SIGN_IN_UNAVAILABLE = "Signing in did not work just now. Please try again in a moment.";

export function signInProblem(error: string | null | undefined): string | null {
  if (!error) return null;
  const throttled = new RegExp(`^${SIGN_IN_THROTTLED}:(\\d+)$`).exec(error);
  if (throttled) {
    const minutes = Math.max(1, Math.ceil(Number(throttled[1]) / 60));
    return `Too many failed sign-ins. For your account's safety, signing in is paused; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  if (error === SINGLE_SIGN_ON_REFUSED)
    return "Your sign-in worked, but that account is not a Latchkey staff member. Ask a Latchkey administrator to invite you with its email address.";
  if (error === "OAuthSignin" || error === "OAuthCallback") return "Single sign-on did not work just now. Please try again in a moment.";
  if (error === SECOND_FACTOR_WRONG) return "This code is not right, or it was used already. Enter the next code from your app, or a recovery code.";
  return error === "CredentialsSignin" ? SIGN_IN_REFUSED : SIGN_IN_UNAVAILABLE;
}
