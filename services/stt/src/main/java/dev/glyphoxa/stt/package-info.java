/**
 * STT stage: speech to text.
 *
 * <p>Consumes {@code glyphoxa.speech} (SpeechEvent: SpeechStarted, 16 kHz PCM SpeechAudio chunks, SpeechEnded with
 * turn id, chunk count and timings) and {@code glyphoxa.control} (SessionStarted with the campaign's NPCs and
 * entities, SessionStopped). Produces {@code glyphoxa.transcripts}: one final Transcript per utterance, with the
 * turn timings copied forward and {@code stt_final_ms} set, preceded by interim ones ({@code is_final=false}, empty
 * turn id) when the recogniser has text so far. Undecodable or inconsistent records go to
 * {@code glyphoxa.deadletter}.
 *
 * <p>Recognition ({@code glyphoxa.stt.provider}): PocketSphinx offline by default; or Deepgram's live websocket, or
 * an OpenAI-style {@code /audio/transcriptions} endpoint (OpenAI, Groq, local whisper servers), each behind
 * {@link dev.glyphoxa.stt.provider.SpeechRecognizer}. When a cloud provider fails on an utterance (error, timeout,
 * garbage, dropped connection), PocketSphinx transcribes its stored audio instead if installed, else the utterance
 * gets an empty transcript; either way it is logged once and counted
 * ({@code glyphoxa_stt_provider_failures_total{provider,reason}}).
 *
 * <p>State (changelog-backed, so another instance can finish an utterance after a failover):
 * {@code stt-utterances} (the utterance each speaker is in), {@code stt-audio} (its audio, one entry per chunk) and
 * {@code stt-sessions} (the campaign's names and the pronunciations of the words the dictionary lacked). Heap holds
 * only caches: pooled recognisers, fed live as chunks arrive; when a recogniser missed chunks, the stored audio is
 * decoded instead.
 */
package dev.glyphoxa.stt;
