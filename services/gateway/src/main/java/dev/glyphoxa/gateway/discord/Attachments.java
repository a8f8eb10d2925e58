package dev.glyphoxa.gateway.discord;

import dev.glyphoxa.gateway.ApiException;
import io.micronaut.http.HttpStatus;
import net.dv8tion.jda.api.entities.Message;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads an attached file through Discord's attachment proxy, with the JDA's own HTTP client. */
final class Attachments {

    /** The admin API's request limit, for the same files (campaign YAML, Foundry exports). */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final long DOWNLOAD_SECONDS = 60;

    private Attachments() {
    }

    static String text(Message.Attachment file) {
        if (file.getSize() > MAX_BYTES) {
            throw ApiException.invalidField("file", "'" + file.getFileName() + "' is too large ("
                    + file.getSize() / 1024 + " KiB, at most " + MAX_BYTES / 1024 + " KiB)");
        }
        try (InputStream in = file.getProxy().withClient(file.getJDA().getHttpClient()).download()
                .get(DOWNLOAD_SECONDS, TimeUnit.SECONDS)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw ApiException.invalidField("file", "'" + file.getFileName() + "' is too large (at most "
                        + MAX_BYTES / 1024 + " KiB)");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(file, "interrupted");
        } catch (ExecutionException | TimeoutException | IOException e) {
            throw unavailable(file, e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        }
    }

    private static ApiException unavailable(Message.Attachment file, String why) {
        return new ApiException(HttpStatus.BAD_GATEWAY, "Could not download '" + file.getFileName()
                + "' from Discord (" + why + "); try again.");
    }
}
