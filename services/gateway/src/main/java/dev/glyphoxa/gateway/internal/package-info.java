/**
 * Routes for Glyphoxa's own services, not for tenants or the operator: {@code GET /internal/tenants/{id}/bot-token}
 * hands a tenant's Discord bot token (opened by the {@link dev.glyphoxa.gateway.secret.TokenCipher}) to the
 * voice-bridge, so it joins each tenant's guilds with that tenant's bot.
 * <ul>
 *   <li>{@link dev.glyphoxa.gateway.internal.InternalKeyFilter} guards {@code /internal/**} with its own key
 *       ({@code glyphoxa.gateway.internal-key}); tenant API keys and the operator key are refused there, and without
 *       the setting the routes do not exist (404).</li>
 *   <li>{@link dev.glyphoxa.gateway.internal.BotTokenController} answers {@code {"token": "..."}}; hidden from the
 *       OpenAPI document.</li>
 * </ul>
 * Nothing here logs a token. The routes share the public port: an ingress must not route {@code /internal}.
 */
package dev.glyphoxa.gateway.internal;
