/**
 * Session recaps: what happened in a session, told from its transcript.
 * <p>
 * {@link dev.glyphoxa.gateway.recap.SessionRecapper} is the entry point. It takes plain data
 * ({@link dev.glyphoxa.gateway.recap.RecapRequest}: campaign name and the transcript lines in speaking order), so
 * it knows nothing of the database; callers load the lines. With a language model configured
 * ({@link dev.glyphoxa.gateway.recap.RecapSettings}, fed from the llm stage's {@code GLYPHOXA_LLM_*} variables) the
 * recap is a short narrative from an OpenAI-compatible chat-completions endpoint
 * ({@link dev.glyphoxa.gateway.recap.LlmRecapper}); without one, or when the model fails or is too slow, it is an
 * extractive recap ({@link dev.glyphoxa.gateway.recap.ExtractiveRecapper}): who took part and the session's most
 * informative lines, quoted. Either way the answer is never empty. Nothing is stored.
 */
package dev.glyphoxa.gateway.recap;
