/**
 * The VAD stage: cuts each speaker's voice into utterances, and says when a speaker has held the floor.
 *
 * <p><b>Consumes</b> {@code glyphoxa.voice.in} ({@code VoicePacket}: one 20 ms, 48 kHz Opus packet of one speaker,
 * mono or stereo), keyed by session id.
 *
 * <p><b>Produces</b> {@code glyphoxa.speech} ({@code SpeechEvent}), per speaker: {@code SpeechStarted} (start time
 * of the pre-roll), {@code SpeechAudio} chunks of 16 kHz s16le mono numbered from 0, and {@code SpeechEnded}
 * (turn id = utterance id, chunk count, {@code speech_end_ms} and {@code vad_end_ms} timings); and
 * {@code glyphoxa.barge-in} ({@code BargeIn}), at most one per utterance, once the speaker has spoken continuously
 * for {@code barge-in-ms} (dips up to {@code barge-in-gap-ms} allowed; see {@link dev.glyphoxa.vad.FloorClaim}),
 * whether or not an NPC is speaking: the voice-bridge decides what it cuts. Both keyed by session id. Records it
 * cannot handle go to {@code glyphoxa.deadletter}.
 *
 * <p><b>State</b>: store {@code vad-speakers} (in memory, changelog-backed), one
 * {@link dev.glyphoxa.vad.state.SpeakerState} per (session, speaker): speaking flag, utterance id and timings,
 * chunk index and the partial chunk, pre-roll audio, the Silero recurrent state and 64-sample context, the last
 * sequence number, the barge-in count of the current continuous run and the utterance a BargeIn was published for. Heap holds only rebuildable caches (libopus decoders and resamplers per speaker, the shared
 * ONNX session). End of speech is decided on the wall clock by a punctuator, because Discord sends no packets in
 * silence.
 *
 * <p><b>Settings</b>: {@link dev.glyphoxa.vad.VadSettings} under {@code glyphoxa.vad}.
 */
package dev.glyphoxa.vad;
