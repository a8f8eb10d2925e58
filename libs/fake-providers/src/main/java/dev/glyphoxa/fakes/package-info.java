/**
 * Local stand-ins for the cloud providers the stages can use, each speaking its provider's real wire format on a
 * free loopback port, answering with scripted content, and misbehaving on request the ways real endpoints do
 * (errors, hangs, stalls, garbage, dropped connections):
 * <ul>
 *   <li>{@link dev.glyphoxa.fakes.FakeChatServer}: OpenAI-compatible {@code /v1/chat/completions}, streamed (SSE) or
 *       not; used by the llm stage's and the gateway's recap tests;</li>
 *   <li>{@link dev.glyphoxa.fakes.FakeTranscriptionServer}: OpenAI-style {@code /v1/audio/transcriptions};</li>
 *   <li>{@link dev.glyphoxa.fakes.FakeDeepgramServer}: Deepgram's live {@code /v1/listen} websocket;</li>
 *   <li>{@link dev.glyphoxa.fakes.FakeElevenLabs}: ElevenLabs' streaming text-to-speech (raw PCM).</li>
 * </ul>
 * Each has one fixed response delay (time to first token, to the transcript, to the first audio; 0 by default), so
 * the cloud-latency benchmark (bench/) can run the whole pipeline against providers that answer at known, realistic
 * delays and attribute the rest of the turn to the pipeline itself.
 */
package dev.glyphoxa.fakes;
