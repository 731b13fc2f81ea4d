package dev.marquee.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** A real WebSocket client of a live chat room ({@code /ws/live/{username}}), collecting the frames it gets. */
final class LiveChatClient implements WebSocket.Listener, AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    /** Opens a socket as the token's user (null: a guest). */
    static LiveChatClient join(RunningMarquee site, String channel, String token) {
        LiveChatClient client = new LiveChatClient();
        client.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url(site, channel, token)), client).join();
        return client;
    }

    /** The HTTP status a refused handshake got. */
    static int refusedWith(RunningMarquee site, String channel, String token) {
        try {
            HTTP.newWebSocketBuilder().buildAsync(URI.create(url(site, channel, token)), new LiveChatClient()).join()
                    .abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) return h.getResponse().statusCode();
            throw e;
        }
    }

    private static String url(RunningMarquee site, String channel, String token) {
        return "ws://127.0.0.1:" + site.httpPort + "/ws/live/" + channel + (token == null ? "" : "?access_token=" + token);
    }

    void send(Map<String, ?> message) {
        socket.sendText(RunningMarquee.JSON.writeValueAsString(message), true).join();
    }

    void chat(String text) {
        send(Map.of("type", "chat", "text", text));
    }

    /** The next frame of this type within the time, skipping others; fails when none comes. */
    JsonNode next(String type, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonNode f = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
                if (f == null) throw new AssertionError("no \"" + type + "\" frame within " + within);
                if (f.get("type").asString().equals(type)) return f;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    JsonNode next(String type) {
        return next(type, Duration.ofSeconds(5));
    }

    /** Nothing of this type arrives within the time (frames of other types are dropped). */
    boolean quietFor(String type, Duration time) {
        try {
            next(type, time);
            return false;
        } catch (AssertionError none) {
            return true;
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(RunningMarquee.JSON.readTree(partial.toString()));
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (socket != null) socket.abort();
    }
}
