package dev.glyphoxa.gateway.secret;

import java.time.Duration;

/** VaultSettings as the tests need them; defaults as in {@link VaultSettings}. */
final class Settings {

    private Settings() {
    }

    static VaultSettings vault(String address, String token) {
        return new VaultSettings(address, token, "transit", "glyphoxa-bot-tokens", Duration.ofSeconds(2));
    }

    static VaultSettings none() {
        return vault(null, null);
    }

    /** An address where nothing listens: the port was free a moment ago and is closed again. */
    static String deadAddress() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
