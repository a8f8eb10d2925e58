package dev.glyphoxa.gateway.session;

import io.swagger.v3.oas.annotations.Parameter;
import dev.glyphoxa.gateway.store.Npc;
import dev.glyphoxa.gateway.tenant.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Directing the NPCs of a running session (mute, speak, standing directions); {@code npc} is a name, an alias or an id. */
@Controller("/api/sessions/{id}/npcs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "sessions")
public class NpcControlController {

    private final NpcControl control;

    public NpcControlController(NpcControl control) {
        this.control = control;
    }

    @Serdeable
    public record NpcMuteState(UUID npcId, String name, boolean muted) {
        static NpcMuteState of(Npc n) {
            return new NpcMuteState(n.id(), n.name(), n.muted());
        }
    }

    @Serdeable
    public record Speak(@Nullable String text) {
    }

    /** @param direction null or blank clears the NPC's direction */
    @Serdeable
    public record Direct(@Nullable String direction) {
    }

    @Serdeable
    public record NpcDirectionState(UUID npcId, String name, @Nullable String direction) {
    }

    @Post("/{npc}/mute")
    @Operation(summary = "Mute one NPC: it no longer answers (publishes NpcMuteChanged)")
    public NpcMuteState mute(@Parameter(hidden = true) Caller caller, @PathVariable String id, @PathVariable String npc) {
        return NpcMuteState.of(control.setMuted(caller.tenantId(), SessionController.sessionId(id), npc, true));
    }

    @Post("/{npc}/unmute")
    @Operation(summary = "Unmute one NPC")
    public NpcMuteState unmute(@Parameter(hidden = true) Caller caller, @PathVariable String id, @PathVariable String npc) {
        return NpcMuteState.of(control.setMuted(caller.tenantId(), SessionController.sessionId(id), npc, false));
    }

    @Post("/mute-all")
    @Operation(summary = "Mute every NPC of the session")
    public List<NpcMuteState> muteAll(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        return control.setAllMuted(caller.tenantId(), SessionController.sessionId(id), true).stream().map(NpcMuteState::of).toList();
    }

    @Post("/unmute-all")
    @Operation(summary = "Unmute every NPC of the session")
    public List<NpcMuteState> unmuteAll(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        return control.setAllMuted(caller.tenantId(), SessionController.sessionId(id), false).stream().map(NpcMuteState::of).toList();
    }

    @Post("/{npc}/speak")
    @Operation(summary = "The NPC says the text verbatim, without the language model (publishes SpeakAsNpc)")
    public NpcMuteState speak(@Parameter(hidden = true) Caller caller, @PathVariable String id, @PathVariable String npc, @Body @Nullable Speak body) {
        return NpcMuteState.of(control.speak(caller.tenantId(), SessionController.sessionId(id), npc,
                body == null ? null : body.text()));
    }

    @Post("/{npc}/direct")
    @Operation(summary = "Give the NPC a standing direction for the rest of the session, or clear it with an empty one (publishes NpcDirection)")
    public NpcDirectionState direct(@Parameter(hidden = true) Caller caller, @PathVariable String id, @PathVariable String npc,
                                    @Body @Nullable Direct body) {
        NpcControl.Directed d = control.direct(caller.tenantId(), SessionController.sessionId(id), npc,
                body == null ? null : body.direction());
        return new NpcDirectionState(d.npc().id(), d.npc().name(), d.direction());
    }
}
