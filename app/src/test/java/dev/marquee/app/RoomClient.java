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

/**
 * A real WebSocket client (java.net.http) of a room, {@code /ws/videos/{id}} or {@code /ws/live/{username}},
 * collecting the frames it gets.
 */
final class RoomClient implements WebSocket.Listener, AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    /** Opens a socket on the room at {@code path} as the token's user (null: a guest). */
    static RoomClient open(RunningMarquee site, String path, String token) {
        RoomClient client = new RoomClient();
        client.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url(site, path, token)), client).join();
        return client;
    }

    /**
     * Opens a socket and waits until it is in its room: the 101 may reach the client before the server has put
     * the socket in, and only an answer (a pong) proves it is. Frames before the pong are dropped.
     */
    static RoomClient openInRoom(RunningMarquee site, String path, String token) {
        RoomClient client = open(site, path, token);
        client.sendText("{\"type\":\"ping\"}");
        client.next("pong");
        return client;
    }

    /** A socket on the live chat of a channel. */
    static RoomClient join(RunningMarquee site, String channel, String token) {
        return open(site, "/ws/live/" + channel, token);
    }

    /** The HTTP status a refused handshake to the channel's live chat got. */
    static int refusedWith(RunningMarquee site, String channel, String token) {
        return handshakeStatus(site, "/ws/live/" + channel, token);
    }

    /** The HTTP status of the handshake: 101 when accepted (the socket is then closed at once). */
    static int handshakeStatus(RunningMarquee site, String path, String token) {
        try {
            HTTP.newWebSocketBuilder().buildAsync(URI.create(url(site, path, token)), new RoomClient()).join().abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) return h.getResponse().statusCode();
            throw e;
        }
    }

    private static String url(RunningMarquee site, String path, String token) {
        return "ws://127.0.0.1:" + site.httpPort + path + (token == null ? "" : "?access_token=" + token);
    }

    void send(Map<String, ?> message) {
        sendText(RunningMarquee.JSON.writeValueAsString(message));
    }

    /** Sends a text frame as it is (malformed JSON included). */
    void sendText(String text) {
        socket.sendText(text, true).join();
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
