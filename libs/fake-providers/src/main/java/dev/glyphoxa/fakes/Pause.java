package dev.glyphoxa.fakes;

/** The fakes' fixed response delays: a plain sleep, cut short (and the interrupt kept) when the server closes. */
final class Pause {

    private Pause() {
    }

    static void ms(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
