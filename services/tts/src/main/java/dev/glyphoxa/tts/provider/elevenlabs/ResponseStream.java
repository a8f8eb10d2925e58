package dev.glyphoxa.tts.provider.elevenlabs;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One streaming HTTP response as a queue of events the caller polls on its own thread. The body arrives on the JDK
 * client's threads, but only the Kafka Streams thread may forward records, and the JDK client has no timeout for a
 * body that stops arriving: polling with a timeout gives both. Closing it cancels the request, which closes the
 * connection, so a stalled or unwanted stream stops costing anything.
 */
final class ResponseStream implements AutoCloseable {

    sealed interface Event {
    }

    record Status(int code, String contentType) implements Event {
    }

    record Bytes(ByteBuffer bytes) implements Event {
    }

    record End() implements Event {
    }

    record Failed(Throwable error) implements Event {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    private final CompletableFuture<HttpResponse<Void>> response;

    private ResponseStream(HttpClient client, HttpRequest request) {
        this.response = client.sendAsync(request, info -> {
            events.add(new Status(info.statusCode(), info.headers().firstValue("content-type").orElse("")));
            return HttpResponse.BodySubscribers.fromSubscriber(new Subscriber());
        });
        response.whenComplete((r, e) -> {
            if (e != null) {
                events.add(new Failed(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e));
            }
        });
    }

    static ResponseStream send(HttpClient client, HttpRequest request) {
        return new ResponseStream(client, request);
    }

    /** The next event, or null if none came within {@code wait}. */
    Event next(Duration wait) throws InterruptedException {
        return events.poll(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        Flow.Subscription s = subscription.get();
        if (s != null) {
            s.cancel();
        }
        response.cancel(true);
    }

    private final class Subscriber implements Flow.Subscriber<List<ByteBuffer>> {

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription.set(s);
            s.request(Long.MAX_VALUE); // speech PCM is a few dozen KB per second: no need to throttle
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                // copied: the client makes no promise about reusing its buffers once onNext returns
                ByteBuffer copy = ByteBuffer.allocate(b.remaining()).put(b).flip();
                events.add(new Bytes(copy));
            }
        }

        @Override
        public void onError(Throwable error) {
            events.add(new Failed(error));
        }

        @Override
        public void onComplete() {
            events.add(new End());
        }
    }
}
