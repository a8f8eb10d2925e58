/**
 * The bridge's side of {@code glyphoxa.control}: {@code SessionStarted} joins the session's voice channel,
 * {@code SessionStopped} leaves it ({@link dev.glyphoxa.voicebridge.control.ControlEventHandler}); a plain consumer
 * in group {@code glyphoxa-voice-bridge} ({@link dev.glyphoxa.voicebridge.control.ControlEventConsumer}) with
 * stage-kit's dead-letter path for records it can never handle. State: none beyond the committed offsets.
 */
package dev.glyphoxa.voicebridge.control;
