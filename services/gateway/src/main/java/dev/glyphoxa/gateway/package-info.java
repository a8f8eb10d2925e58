/**
 * The gateway: Glyphoxa's control plane, and the only service with a database.
 * <ul>
 *   <li>Produces {@code glyphoxa.control}: {@code SessionStarted} with the whole campaign snapshot (NPCs with their
 *       mute state, entities) and {@code SessionStopped}, keyed by session id, each acknowledged by Kafka before
 *       the API answers ({@link dev.glyphoxa.gateway.session.ControlPublisher}).</li>
 *   <li>Consumes {@code glyphoxa.transcripts} and {@code glyphoxa.npc.lines} (group {@code glyphoxa-gateway}) and
 *       stores them as transcript lines, idempotently on their natural keys
 *       ({@link dev.glyphoxa.gateway.transcript.TranscriptListener},
 *       {@link dev.glyphoxa.gateway.transcript.TranscriptWriter}); what can never be stored goes to
 *       {@code glyphoxa.deadletter}.</li>
 *   <li>State: PostgreSQL, schema by Flyway ({@code db/migration}): tenants, campaigns, npcs, entities, sessions,
 *       transcript_lines. Every tenant-owned row carries {@code tenant_id}. Nothing lives only in heap, so any
 *       number of instances can run side by side.</li>
 *   <li>API (JSON, tenant {@code local} for now): {@code POST /api/campaigns} (YAML import,
 *       {@link dev.glyphoxa.gateway.campaign.CampaignImporter}), {@code POST /api/sessions},
 *       {@code GET /api/sessions/{id}}, {@code POST /api/sessions/{id}/stop},
 *       {@code GET /api/sessions/{id}/transcript}; {@code /healthz}, {@code /readyz} (database and Kafka),
 *       {@code /prometheus}.</li>
 * </ul>
 */
package dev.glyphoxa.gateway;
