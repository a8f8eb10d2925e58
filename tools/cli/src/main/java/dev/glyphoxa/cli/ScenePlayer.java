package dev.glyphoxa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.glyphoxa.contracts.Topics;
import dev.glyphoxa.schema.NpcLine;
import dev.glyphoxa.schema.Transcript;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plays a {@link Scene} through a running {@link LocalPipeline}: imports the campaign, starts a session in the
 * local voice channel, speaks each line, prints what was heard and answered as it happens, and collects the
 * NPC replies the voice-bridge wrote as WAV files.
 */
public final class ScenePlayer {

    /** One player line and what came of it. */
    public record Exchange(Scene.Line line, String heard, List<String> npcLines, JsonNode reply) {
    }

    public record Result(String sessionId, List<Exchange> exchanges) {
    }

    private final LocalPipeline pipeline;
    private final PlayerVoice voice;
    private final PrintStream out;
    private final Progress progress;
    private final Duration replyTimeout;

    public ScenePlayer(LocalPipeline pipeline, PlayerVoice voice, PrintStream out, Progress progress, Duration replyTimeout) {
        this.pipeline = pipeline;
        this.voice = voice;
        this.out = out;
        this.progress = progress;
        this.replyTimeout = replyTimeout;
    }

    public ServiceClient gateway() {
        return new ServiceClient(pipeline.service(LocalPipeline.GATEWAY).uri("/"), pipeline.localTenantKey());
    }

    public ServiceClient bridge() {
        return new ServiceClient(pipeline.service(LocalPipeline.VOICE_BRIDGE).uri("/"));
    }

    /** Imports the campaign YAML; returns the campaign id. */
    public String importCampaign(Path campaign) throws IOException {
        JsonNode c = gateway().post("api/campaigns", "application/yaml", Files.readString(campaign));
        progress.step("campaign \"" + c.path("name").asText() + "\" imported (" + c.path("npcs").asInt() + " NPCs, "
                + c.path("entities").asInt() + " entities)");
        return c.path("id").asText();
    }

    public String startSession(String campaignId) throws IOException {
        JsonNode s = gateway().postJson("api/sessions", Map.of("campaignId", campaignId, "voiceChannel", "local"));
        String id = s.path("sessionId").asText();
        progress.step("session " + id + " started in the local voice channel");
        return id;
    }

    public Result play(Scene scene, String sessionId, Path audioDir) throws IOException {
        List<Exchange> exchanges = new ArrayList<>();
        try (TopicWatcher watcher = new TopicWatcher(pipeline.bootstrapServers(), List.of(Topics.TRANSCRIPTS, Topics.NPC_LINES))) {
            watcher.onRecord(seen -> {
                if (!sessionId.equals(seen.key())) {
                    return;
                }
                if (seen.value() instanceof Transcript t) {
                    out.printf("      heard %s: \"%s\"%n", t.getSpeakerId(), t.getText());
                } else if (seen.value() instanceof NpcLine l && !l.getText().isBlank()) {
                    out.printf("      %s: %s%n", l.getNpcName(), l.getText());
                }
            }).start();
            out.println();
            out.println("Scene: " + scene.title());
            int n = 0;
            for (Scene.Line line : scene.lines()) {
                n++;
                Path wav = line.wav() != null ? line.wav() : voice.speak(line.text(),
                        audioDir.resolve(String.format("%02d-%s.wav", n, line.speaker())));
                out.printf("  %s says: %s%n", line.speaker(), line.text() != null ? "\"" + line.text() + "\"" : wav);
                int before = bridge().get("local/sessions/" + sessionId + "/replies").size();
                bridge().postJson("local/sessions/" + sessionId + "/say", Map.of("speaker", line.speaker(), "wav", wav.toString()));
                JsonNode reply = awaitReply(sessionId, before);
                String heard = watcher.values(Topics.TRANSCRIPTS, t -> t.getSessionId().equals(sessionId)
                        && t.getSpeakerId().equals(line.speaker())).stream().reduce((a, b) -> b).map(Transcript::getText).orElse(null);
                List<String> said = reply == null ? List.of() : watcher.values(Topics.NPC_LINES,
                        l -> l.getTurnId().equals(reply.path("turnId").asText())).stream().map(NpcLine::getText).toList();
                if (reply == null) {
                    out.println("      (no NPC answered)");
                } else {
                    out.printf("      reply audio: %s (%.1f s; first audio %d ms after end of speech)%n",
                            reply.path("wav").asText(), reply.path("seconds").asDouble(),
                            reply.path("firstPacketOutMs").asLong() - reply.path("speechEndMs").asLong());
                }
                exchanges.add(new Exchange(line, heard, said, reply));
            }
        }
        return new Result(sessionId, exchanges);
    }

    private JsonNode awaitReply(String sessionId, int before) throws IOException {
        long deadline = System.nanoTime() + replyTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode replies = bridge().get("local/sessions/" + sessionId + "/replies");
            if (replies.size() > before) {
                return replies.get(replies.size() - 1);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    public void stopSession(String sessionId) throws IOException {
        gateway().post("api/sessions/" + sessionId + "/stop", "application/json", "{}");
        JsonNode transcript = gateway().get("api/sessions/" + sessionId + "/transcript");
        progress.step("session stopped; " + transcript.size() + " transcript lines stored in PostgreSQL");
        JsonNode recap = gateway().get("api/sessions/" + sessionId + "/recap").path("recap");
        progress.step("recap (" + recap.path("method").asText() + "):");
        for (String line : recap.path("text").asText().split("\n")) {
            progress.step("  " + line);
        }
    }
}
