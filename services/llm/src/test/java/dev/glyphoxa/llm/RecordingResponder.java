package dev.glyphoxa.llm;

import dev.glyphoxa.llm.provider.ReplyRequest;
import dev.glyphoxa.llm.provider.Responder;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Wraps a real responder and keeps every request it was given, so tests can see what the stage passed on. */
final class RecordingResponder implements Responder {

    private final Responder delegate;
    final List<ReplyRequest> requests = new CopyOnWriteArrayList<>();

    RecordingResponder(Responder delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public void reply(ReplyRequest request, Consumer<String> deltas) {
        requests.add(request);
        delegate.reply(request, deltas);
    }
}
