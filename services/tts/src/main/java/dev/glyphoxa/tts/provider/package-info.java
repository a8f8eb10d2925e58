/**
 * Speech engines behind {@link dev.glyphoxa.tts.provider.Synthesizer}: text and a voice name in, a 16-bit mono
 * {@link dev.glyphoxa.audio.Wav.Clip} out. Usable as plain Java without Micronaut. Engines run as external
 * processes (Festival long-lived, espeak-ng per sentence); no state beyond those processes.
 */
package dev.glyphoxa.tts.provider;
