/**
 * The llm stage: decides which NPC answers a player's line and streams what that NPC says.
 * <ul>
 *   <li>Consumes {@code glyphoxa.control} (SessionStarted, NpcMuteChanged, NpcDirection (the GM's standing
 *       direction, kept on the NPC in the campaign store and put into its later prompts), SpeakAsNpc, SessionStopped;
 *       {@link dev.glyphoxa.llm.ControlProcessor}), {@code glyphoxa.transcripts} (final transcripts;
 *       {@link dev.glyphoxa.llm.TranscriptProcessor}) and {@code glyphoxa.playback} (LinePlayed, TurnCut from the
 *       voice-bridge; {@link dev.glyphoxa.llm.PlaybackProcessor}). All are keyed by session id and co-partitioned,
 *       so one processor instance sees everything of a session. {@code glyphoxa.playback} is also read from every
 *       partition by {@link dev.glyphoxa.llm.PlaybackListener} into {@link dev.glyphoxa.stage.CutTurns}: a reply
 *       whose turn the bridge cut stops at the next token, with no further line (outcome {@code cancelled}).</li>
 *   <li>Produces {@code glyphoxa.npc.lines}: one NpcLine per sentence, sequence from 0 within the turn,
 *       {@code last_in_turn} on the last, {@code responder} = provider name ({@code openai}, {@code offline}, or
 *       {@code gm} for SpeakAsNpc), the NPC's voice, {@code addressing_reason}, and the transcript's timings with
 *       {@code turn_end_ms}, {@code llm_first_token_ms} and {@code llm_first_line_ms} set. Records it cannot handle go to {@code glyphoxa.deadletter}.</li>
 *   <li>State, in changelog-backed stores only (an instance can die and another continues the session):
 *       {@code llm-campaign} (the SessionStarted snapshot with current mute flags), {@code llm-conversation}
 *       (the last {@code history-size} lines of the session and the NPC addressed last, with when) and
 *       {@code llm-unsaid-lines} (per session and turn, the NPC's lines not played yet). Deliver, then commit: an
 *       NPC's line enters the conversation when the voice-bridge reports it played, joined with the turn's earlier
 *       played lines into one entry; a TurnCut drops the rest. SessionStopped deletes all three.</li>
 * </ul>
 * Who answers: {@link dev.glyphoxa.llm.Addressing}. What they know: {@link dev.glyphoxa.llm.KnowledgeRetriever}.
 * What they say: a {@link dev.glyphoxa.llm.provider.Responder}, either an OpenAI-compatible endpoint
 * ({@link dev.glyphoxa.llm.provider.openai.OpenAiResponder}) or the built-in
 * {@link dev.glyphoxa.llm.provider.offline.OfflineResponder}, which is rule-based and retrieval-based and is
 * <strong>not a language model</strong>; it also answers any turn the configured endpoint fails.
 * Sentences are cut from the token stream by {@link dev.glyphoxa.llm.SentenceSplitter}.
 */
package dev.glyphoxa.llm;
