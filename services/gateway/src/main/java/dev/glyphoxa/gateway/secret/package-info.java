/**
 * Discord bot tokens at rest. The tenant store keeps whatever {@link dev.glyphoxa.gateway.secret.TokenCipher#seal}
 * returns and turns it back with {@link dev.glyphoxa.gateway.secret.TokenCipher#open}.
 * <ul>
 *   <li>With {@code glyphoxa.vault.address} set, {@link dev.glyphoxa.gateway.secret.VaultTransitCipher} has Vault's
 *       Transit engine encrypt the token: PostgreSQL only ever holds {@code vault:v1:...} ciphertext, the key never
 *       leaves Vault, and a database dump alone reveals no token.</li>
 *   <li>Without it, {@link dev.glyphoxa.gateway.secret.PlaintextTokenCipher} stores tokens as they are, so the
 *       local stack runs without a Vault; the start-up log says so loudly, once.</li>
 *   <li>Rows written before Vault was configured hold plaintext; they are still readable and
 *       {@link dev.glyphoxa.gateway.secret.TokenCipher#needsResealing} tells the store to encrypt them on its next
 *       write, so enabling Vault needs no migration step.</li>
 *   <li>{@link dev.glyphoxa.gateway.secret.VaultReadiness} adds {@code vault} to {@code /readyz}.</li>
 * </ul>
 * Nothing here logs or puts into an exception message a bot token, its base64 form or the Vault token.
 */
package dev.glyphoxa.gateway.secret;
