/**
 * The gateway: Glyphoxa's control plane, and the only service with a database.
 * <ul>
 *   <li>Produces {@code glyphoxa.control}: {@code SessionStarted} with the whole campaign snapshot,
 *       {@code SessionStopped}, {@code NpcMuteChanged}, {@code SpeakAsNpc} and {@code NpcDirection}, keyed by session id, each
 *       acknowledged by Kafka before the API answers ({@link dev.glyphoxa.gateway.session.ControlPublisher});
 *       and the narrator's lines of a voice recap on {@code glyphoxa.npc.lines}.</li>
 *   <li>Consumes {@code glyphoxa.transcripts} and {@code glyphoxa.npc.lines} (group {@code glyphoxa-gateway}) into
 *       transcript lines, idempotently on their natural keys, and {@code glyphoxa.playback}, whose cut turns lose
 *       the sentences never played
 *       ({@link dev.glyphoxa.gateway.transcript.TranscriptListener},
 *       {@link dev.glyphoxa.gateway.transcript.TranscriptWriter}); what can never be stored goes to
 *       {@code glyphoxa.deadletter}.</li>
 *   <li>State: PostgreSQL only, schema by Flyway ({@code db/migration}): tenants and their Discord guilds,
 *       campaigns, NPCs, entities, sessions, transcript lines, feedback, monthly usage. Every tenant-owned row
 *       carries {@code tenant_id}; nothing lives only in heap, so any number of instances run side by side.</li>
 *   <li>API: every {@code /api} request is authenticated by its bearer key ({@link dev.glyphoxa.gateway.tenant});
 *       packages by resource: {@code campaign} (CRUD, YAML and Foundry imports), {@code npc}, {@code entity},
 *       {@code session} (lifecycle, status, NPC control, idle and crash sweep), {@code recap}, {@code feedback},
 *       {@code tenant} (operator API, keys), {@code secret} (bot tokens, Vault Transit). Each has a plain service
 *       bean the Discord commands call too, and a thin controller.</li>
 *   <li>Discord ({@link dev.glyphoxa.gateway.discord}, off unless {@code glyphoxa.discord.enabled}): a bot per tenant
 *       with a token, slash commands registered in the tenant's servers, each over the same service beans.</li>
 * </ul>
 */
package dev.glyphoxa.gateway;
