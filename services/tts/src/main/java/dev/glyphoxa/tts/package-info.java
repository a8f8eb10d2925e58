/**
 * TTS stage: gives NPCs their voices.
 * <ul>
 *   <li>Consumes {@code glyphoxa.npc.lines} ({@link dev.glyphoxa.schema.NpcLine}: one sentence, its voice,
 *       turn id, sequence and last_in_turn).</li>
 *   <li>Produces {@code glyphoxa.voice.out} ({@link dev.glyphoxa.schema.NpcAudio}: 20 ms Opus packets, 48 kHz mono,
 *       packet_sequence from 0 per line; last_in_turn on the last packet of the turn's last line;
 *       timings.tts_first_audio_ms on each line's first packet) and {@code glyphoxa.deadletter} for lines it cannot
 *       speak.</li>
 *   <li>State: none. A line re-processed after a crash yields the same packet numbering; the voice-bridge drops
 *       duplicates.</li>
 *   <li>Cancellation: {@link dev.glyphoxa.tts.PlaybackListener} reads {@code glyphoxa.playback} from every partition
 *       into {@link dev.glyphoxa.stage.CutTurns} (unreadable records are dead-lettered, stage {@code tts}). A line of a
 *       turn the voice-bridge cut is not spoken; a line being spoken when its turn is cut stops at the next packet,
 *       without a last packet. Both are counted in {@code glyphoxa_tts_cut_lines_total{at="before"|"during"}}.</li>
 *   <li>Settings: {@link dev.glyphoxa.tts.TtsSettings} ({@code glyphoxa.tts.*}) and
 *       {@link dev.glyphoxa.tts.ElevenLabsSettings} ({@code glyphoxa.tts.elevenlabs.*}).</li>
 * </ul>
 * Engines live in {@code provider}: Festival (default, long-lived process), espeak-ng (separate process) and, with an
 * API key, ElevenLabs (cloud, streamed: packets leave while the line is still arriving). A line ElevenLabs fails on
 * is spoken by the offline fallback voice and counted in {@code glyphoxa_tts_provider_failures_total}.
 */
package dev.glyphoxa.tts;
