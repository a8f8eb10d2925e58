package dev.glyphoxa.gateway.discord;

import dev.glyphoxa.gateway.ApiException;
import dev.glyphoxa.gateway.Ids;
import dev.glyphoxa.gateway.campaign.CampaignService;
import dev.glyphoxa.gateway.recap.RecapService;
import dev.glyphoxa.gateway.recap.RecapService.SessionRecap;
import dev.glyphoxa.gateway.recap.RecapService.SpokenRecap;
import dev.glyphoxa.gateway.session.SessionService;
import dev.glyphoxa.gateway.session.SessionService.StartRequest;
import dev.glyphoxa.gateway.session.SessionStatus;
import dev.glyphoxa.gateway.store.GameSession;
import jakarta.inject.Singleton;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.GuildVoiceState;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.AudioChannel;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** {@code /session start|stop|status|recap}: the session lifecycle of this server, over {@link SessionService}. */
@Singleton
public class SessionCommands implements DiscordCommand {

    private static final Set<String> OPEN = Set.of("status", "recap");

    private final GuildScope scope;
    private final SessionService sessions;
    private final SessionStatus.Reader status;
    private final RecapService recaps;
    private final CampaignService campaigns;

    public SessionCommands(GuildScope scope, SessionService sessions, SessionStatus.Reader status, RecapService recaps,
                           CampaignService campaigns) {
        this.scope = scope;
        this.sessions = sessions;
        this.status = status;
        this.recaps = recaps;
        this.campaigns = campaigns;
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("session", "Glyphoxa game sessions in this server").addSubcommands(
                new SubcommandData("start", "Start a session of this server's campaign in your voice channel (game masters)"),
                new SubcommandData("stop", "Stop this server's running session (game masters)"),
                new SubcommandData("status", "Show this server's running session"),
                new SubcommandData("recap", "Recap the running or the latest session").addOptions(
                        new OptionData(OptionType.STRING, "session_id", "A session id (default: the running or latest session)"),
                        new OptionData(OptionType.BOOLEAN, "voice", "Have the narrator read it out in the running session")));
    }

    @Override
    public boolean open(String action) {
        return OPEN.contains(action);
    }

    @Override
    public void slash(SlashCommandInteractionEvent event, Caller caller, Answer answer) {
        switch (String.valueOf(event.getSubcommandName())) {
            case "start" -> start(event, caller, answer);
            case "stop" -> stop(caller, answer);
            case "status" -> status(caller, answer);
            case "recap" -> recap(event, caller, answer);
            default -> throw ApiException.notFound("/session has no subcommand " + event.getSubcommandName());
        }
    }

    private void start(SlashCommandInteractionEvent event, Caller caller, Answer answer) {
        GuildVoiceState voice = event.getMember() == null ? null : event.getMember().getVoiceState();
        AudioChannel channel = voice == null ? null : voice.getChannel();
        if (channel == null) {
            throw ApiException.conflict("Join the voice channel you play in first, then run /session start again: "
                    + "Glyphoxa joins the voice channel you are in.");
        }
        scope.liveSession(caller).ifPresent(live -> {
            throw ApiException.conflict("A session is already running in this server: `" + live.id() + "` in "
                    + Texts.channelMention(live.voiceChannel()) + ", started by " + Texts.userMention(live.startedBy())
                    + ". Stop it with /session stop first.");
        });
        UUID campaignId = scope.currentCampaign(caller);
        answer.defer(false);
        GameSession session = sessions.start(caller.tenantId(), new StartRequest(campaignId,
                Texts.voiceChannel(caller.guildId(), channel.getId()), caller.userId(), caller.guildId()));
        String campaign = campaigns.find(caller.tenantId(), campaignId).name();
        answer.visible("▶️ Session `" + session.id() + "` started: campaign **" + campaign + "** in "
                + channel.getAsMention() + ", by " + Texts.userMention(caller.userId()) + ".");
        TranscriptionNotice.post(event, answer, channel, session.id());
    }

    private void stop(Caller caller, Answer answer) {
        GameSession live = scope.requireLiveSession(caller);
        answer.defer(false);
        GameSession ended = sessions.stop(caller.tenantId(), live.id(), "stopped in Discord by user " + caller.userId());
        SessionStatus s = status.of(ended, Instant.now());
        answer.visible("⏹️ Session `" + s.sessionId() + "` of **" + s.campaignName() + "** stopped after "
                + Texts.duration(s.durationSeconds()) + " (" + s.transcriptLines() + " transcript lines). "
                + "`/session recap session_id:" + s.sessionId() + "` recaps it.");
    }

    private void status(Caller caller, Answer answer) {
        GameSession live = scope.liveSession(caller).orElse(null);
        if (live == null) {
            answer.ephemeral("No session is running in this server. A game master starts one with /session start.");
            return;
        }
        SessionStatus s = status.status(caller.tenantId(), live.id());
        StringBuilder text = new StringBuilder("Session `" + s.sessionId() + "`: **" + s.status() + "**\n")
                .append("Campaign: **").append(s.campaignName()).append("**\n")
                .append("Voice channel: ").append(Texts.channelMention(s.voiceChannel())).append('\n')
                .append("Started by: ").append(Texts.userMention(s.startedBy()));
        if (s.startedAt() != null) {
            text.append(", <t:").append(s.startedAt().getEpochSecond()).append(":R>");
        }
        text.append("\nRunning for: ").append(Texts.duration(s.durationSeconds()))
                .append("\nTranscript lines: ").append(s.transcriptLines())
                .append("\nNPCs: ").append(s.npcs().isEmpty() ? "none" : String.join(", ", s.npcs().stream()
                        .map(n -> n.name() + (n.muted() ? " (muted)" : "")
                                + (n.direction() == null ? "" : " (directed: “" + n.direction() + "”)")).toList()));
        answer.ephemeral(text.toString());
    }

    private void recap(SlashCommandInteractionEvent event, Caller caller, Answer answer) {
        OptionMapping idOption = event.getOption("session_id");
        UUID sessionId = null;
        if (idOption != null) {
            sessionId = Ids.parse(idOption.getAsString().strip());
            if (sessionId == null) {
                throw ApiException.invalidField("session_id", "'" + idOption.getAsString()
                        + "' is not a session id; /session status shows the running session's id");
            }
        }
        boolean voice = event.getOption("voice") != null && event.getOption("voice").getAsBoolean();
        UUID campaignId = sessionId != null ? null : scope.liveSession(caller).map(GameSession::campaignId)
                .or(() -> scope.currentCampaignIfAny(caller)).orElse(null);
        answer.defer(false);
        if (voice) {
            SpokenRecap spoken = recaps.speak(caller.tenantId(), sessionId, campaignId);
            answer.embed(embed(spoken.recap(), "Read aloud by the narrator (" + spoken.lines() + " lines)"), false);
        } else {
            answer.embed(embed(recaps.recap(caller.tenantId(), sessionId, campaignId), null), false);
        }
    }

    private static MessageEmbed embed(SessionRecap recap, String note) {
        return new EmbedBuilder()
                .setTitle(Texts.clip("Recap: " + recap.campaignName(), MessageEmbed.TITLE_MAX_LENGTH))
                .setDescription(Texts.clip(recap.recap().text(), MessageEmbed.DESCRIPTION_MAX_LENGTH))
                .setFooter("Session " + recap.sessionId() + " (" + recap.status() + ")" + (note == null ? "" : " · " + note))
                .build();
    }
}
