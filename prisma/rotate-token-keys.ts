// `npm run keys:rotate`: re-keys every stored token after TOKEN_HMAC_KEY and
// TOKEN_ENCRYPTION_KEY were replaced. The old pair comes from
// OLD_TOKEN_HMAC_KEY and OLD_TOKEN_ENCRYPTION_KEY; links already sent keep working.
// Stop the app first: tokens redeem only once the app runs with the new keys.
import { forgetRetiredRotatedHashes, rotateTokenKeys, rotateTotpSecrets } from "@/lib/login-tokens/rotate-keys";
import { tokenKeysFromVariables } from "@/lib/login-tokens/token-crypto";
import { loadLocalEnv, withLocalDatabase } from "./local-database";

loadLocalEnv();

async function main() {
  const from = tokenKeysFromVariables(process.env, { hmac: "OLD_TOKEN_HMAC_KEY", encryption: "OLD_TOKEN_ENCRYPTION_KEY" });
  const to = tokenKeysFromVariables(process.env);
  await withLocalDatabase(async (pool) => {
    const done = await rotateTokenKeys(pool, from, to, {
      onProgress: ({ rotated, skipped }) =>
        process.stdout.write(`\r  ${rotated.toLocaleString("en")} re-keyed, ${skipped.toLocaleString("en")} already on the new keys`),
    });
    console.log(`\n  Done: ${done.rotated.toLocaleString("en")} tokens re-keyed, ${done.skipped.toLocaleString("en")} were already on the new keys.`);
    const forgotten = await forgetRetiredRotatedHashes(pool, from, to);
    console.log(
      from.hmacKeyId.equals(to.hmacKeyId)
        ? "  Replaced links: the HMAC key is the same, so the hashes of values that tokens had before a Rotate stay, and their links are still recorded as rotated."
        : `  Replaced links: ${forgotten.toLocaleString("en")} hashes of values that tokens had before a Rotate removed (made under the old HMAC key, they can never match again);` +
            " such a link is now refused like any unknown value. Links replaced from now on are recorded as rotated.",
    );
    const totp = await rotateTotpSecrets(pool, from, to);
    console.log(`  Staff TOTP secrets: ${totp.rotated} re-encrypted, ${totp.skipped} were already on the new key.`);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
