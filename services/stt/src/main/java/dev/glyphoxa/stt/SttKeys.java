package dev.glyphoxa.stt;

/**
 * Store keys. A unit separator joins the parts so that prefix scans by session or by utterance cannot match a
 * longer id that merely starts the same way; chunk indexes are zero-padded so they scan in order.
 */
final class SttKeys {

    private static final char SEP = '\u001f';

    private SttKeys() {
    }

    static String sessionPrefix(String sessionId) {
        return sessionId + SEP;
    }

    /** stt-utterances: one entry per speaker in a session. */
    static String speaker(String sessionId, String speakerId) {
        return sessionId + SEP + speakerId;
    }

    static String chunkPrefix(String sessionId, String speakerId, String utteranceId) {
        return speaker(sessionId, speakerId) + SEP + utteranceId + SEP;
    }

    /** stt-audio: one entry per chunk. */
    static String chunk(String sessionId, String speakerId, String utteranceId, int index) {
        return chunkPrefix(sessionId, speakerId, utteranceId) + String.format("%010d", index);
    }
}
