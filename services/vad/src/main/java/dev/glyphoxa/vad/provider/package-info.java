/** Voice-activity models behind {@link dev.glyphoxa.vad.provider.VoiceActivityModel}; Silero VAD v5 is the default. */
package dev.glyphoxa.vad.provider;
