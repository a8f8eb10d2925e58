package dev.glyphoxa.voicebridge.local;

import dev.glyphoxa.audio.Wav;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** HTTP face of the local channel: say a player's line from a WAV file; list the NPC replies recorded. */
@Controller("/local/sessions/{sessionId}")
public class LocalChannelController {

    @Serdeable
    public record SayRequest(String speaker, String wav) {
    }

    @Serdeable
    public record Problem(String message) {
    }

    private final PlayerLineStreamer streamer;
    private final ReplyRecorder recorder;

    public LocalChannelController(PlayerLineStreamer streamer, ReplyRecorder recorder) {
        this.streamer = streamer;
        this.recorder = recorder;
    }

    /** Streams the line in real time and answers when it has been sent. */
    @Post("/say")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> say(String sessionId, @Body SayRequest request) {
        if (request == null || blank(request.speaker()) || blank(request.wav())) {
            return HttpResponse.badRequest(new Problem("speaker and wav are required"));
        }
        try {
            return HttpResponse.ok(streamer.stream(sessionId, request.speaker(), Path.of(request.wav())));
        } catch (Wav.UnreadableAudioException e) {
            return HttpResponse.badRequest(new Problem(e.getMessage()));
        } catch (IOException e) {
            return HttpResponse.serverError(new Problem("cannot stream " + request.wav() + ": " + e.getMessage()));
        }
    }

    @Get("/replies")
    public List<ReplyRecorder.Reply> replies(String sessionId) {
        return recorder.replies(sessionId);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
