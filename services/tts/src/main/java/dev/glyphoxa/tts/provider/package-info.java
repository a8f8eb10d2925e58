/**
 * Speech engines behind {@link dev.glyphoxa.tts.provider.Synthesizer}: text and a voice name in, 16-bit mono
 * {@link dev.glyphoxa.audio.Wav.Clip} audio out, whole or streamed in pieces. Usable as plain Java without Micronaut.
 * The offline engines run as external processes (Festival long-lived, espeak-ng per sentence); ElevenLabs is reached
 * over HTTPS and reports failures as {@link dev.glyphoxa.tts.provider.RemoteSynthesisException} with a reason. No
 * state beyond those processes and connections.
 */
package dev.glyphoxa.tts.provider;
