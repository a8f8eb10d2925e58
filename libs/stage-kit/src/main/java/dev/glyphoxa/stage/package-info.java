/**
 * Shared by the stage services: {@link dev.glyphoxa.stage.StageStreams} runs a stage's Kafka Streams
 * topology for the life of the Micronaut context, {@link dev.glyphoxa.stage.GuardedProcessor} decodes inputs and
 * sends failures to {@code glyphoxa.deadletter}, and {@link dev.glyphoxa.stage.HealthController} serves
 * {@code /healthz} and {@code /readyz}. Keeps no state of its own.
 */
package dev.glyphoxa.stage;
