/**
 * STT stage: speech to text.
 *
 * <p>Consumes {@code glyphoxa.speech} (SpeechEvent: SpeechStarted, 16 kHz PCM SpeechAudio chunks, SpeechEnded with
 * turn id, chunk count and timings) and {@code glyphoxa.control} (SessionStarted with the campaign's NPCs and
 * entities, SessionStopped). Produces {@code glyphoxa.transcripts}: one final Transcript per utterance, with the
 * turn timings copied forward and {@code stt_final_ms} set. Undecodable or inconsistent records go to
 * {@code glyphoxa.deadletter}.
 *
 * <p>State (changelog-backed, so another instance can finish an utterance after a failover):
 * {@code stt-utterances} (the utterance each speaker is in), {@code stt-audio} (its audio, one entry per chunk) and
 * {@code stt-sessions} (the campaign's names and the pronunciations of the words the dictionary lacked). Heap holds
 * only caches: pooled PocketSphinx decoders, fed live as chunks arrive; when a decoder missed chunks, the stored
 * audio is decoded instead.
 */
package dev.glyphoxa.stt;
