package dev.glyphoxa.gateway.discord;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class DiscordBotsTest extends DiscordStack {

    @Test
    void readyRegistersEveryCommandInTheTenantsServer() {
        FakeDiscord.Call put = discord.awaitCall("PUT", "/applications/" + discord.applicationId + "/guilds/"
                + discord.guildId + "/commands");

        assertThat(put.authorization()).isEqualTo("Bot " + token);
        List<String> names = new ArrayList<>();
        put.json().forEach(c -> names.add(c.path("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("session", "npc", "entity", "campaign", "feedback");
        assertThat(subcommands(put.json(), "session")).containsExactly("start", "stop", "status", "recap");
        assertThat(subcommands(put.json(), "npc")).containsExactly("list", "mute", "unmute", "speak", "muteall", "unmuteall");
        assertThat(subcommands(put.json(), "entity")).containsExactly("add", "list", "remove", "import");
        assertThat(subcommands(put.json(), "campaign")).containsExactly("info", "load", "switch");
    }

    private static List<String> subcommands(JsonNode commands, String command) {
        List<String> out = new ArrayList<>();
        commands.forEach(c -> {
            if (c.path("name").asText().equals(command)) {
                c.path("options").forEach(o -> out.add(o.path("name").asText()));
            }
        });
        return out;
    }
}
