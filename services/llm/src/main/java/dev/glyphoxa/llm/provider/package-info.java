/**
 * What produces an NPC's words: {@link dev.glyphoxa.llm.provider.Responder} streams a reply as text deltas for a
 * {@link dev.glyphoxa.llm.provider.ReplyRequest} (NPC, relevant knowledge, recent conversation, the player's line).
 * Implementations: {@code openai} (any OpenAI-compatible chat-completions endpoint) and {@code offline} (the
 * built-in rule-based responder, not a language model).
 */
package dev.glyphoxa.llm.provider;
