package dev.marquee.platform.community.internal;

import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.community.Poster;
import dev.marquee.platform.community.Room;
import dev.marquee.platform.community.RoomFrame;
import dev.marquee.platform.community.RoomMember;
import dev.marquee.platform.web.ProblemException;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.WebSocketSession;

/**
 * One socket in a room. Its writer, a virtual thread, follows the room's ring and writes every frame it is
 * owed with batching on, then flushes once: a burst of messages costs one write, and a slow client blocks
 * only its own writer (until the send timeout closes it).
 */
final class RoomSocket implements RoomMember, Room.Listener {
    private static final Logger log = LoggerFactory.getLogger(RoomSocket.class);
    /** A client that takes no bytes for this long is closed. */
    static final long SEND_TIMEOUT_MILLIS = 10_000;

    private final WebSocketSession session;
    private volatile Room room;
    private final String pathId;
    private final @Nullable CurrentUser user;
    private final String ip;
    private final Queue<RoomFrame> direct = new ConcurrentLinkedQueue<>();
    private volatile boolean open = true;
    private volatile long skipped;
    private long cursor;
    private volatile Thread writer;

    RoomSocket(WebSocketSession session, String pathId, @Nullable CurrentUser user, String ip) {
        this.session = session;
        this.pathId = pathId;
        this.user = user;
        this.ip = ip;
    }

    /** Starts following the room (which it has entered) from its newest frame. */
    void start(Room entered) {
        room = entered;
        cursor = entered.end();
        writer = Thread.ofVirtual().name("ws-" + room.name()).start(this::writeLoop);
    }

    void stop() {
        open = false;
        wake();
    }

    @Override
    public void wake() {
        Thread w = writer;
        if (w != null) LockSupport.unpark(w);
    }

    /** Frames this socket missed because it fell a whole ring behind. */
    long skipped() {
        return skipped;
    }

    private void writeLoop() {
        Session nativeSession = ((NativeWebSocketSession) session).getNativeSession(Session.class);
        RemoteEndpoint.Basic remote = nativeSession.getBasicRemote();
        nativeSession.getUserProperties().put("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", SEND_TIMEOUT_MILLIS);
        try {
            remote.setBatchingAllowed(true);
            while (open) {
                boolean wrote = false;
                RoomFrame f;
                while ((f = direct.poll()) != null) {
                    remote.sendText(f.json());
                    wrote = true;
                }
                long end = room.end();
                while (cursor < end && open) {
                    RoomFrame frame = room.frame(cursor++);
                    if (frame == null) {
                        skipped++;
                        continue;
                    }
                    remote.sendText(frame.json());
                    wrote = true;
                }
                if (wrote) remote.flushBatch();
                else LockSupport.park(this);
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("socket in {} stopped: {}", room.name(), e.toString()); // the client went away or stopped reading
            closeQuietly(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    @Override
    public Room room() {
        return room;
    }

    @Override
    public String pathId() {
        return pathId;
    }

    @Override
    public @Nullable CurrentUser user() {
        return user;
    }

    @Override
    public String ip() {
        return ip;
    }

    @Override
    public Poster poster() {
        if (user == null) throw ProblemException.unauthorized("Sign in to post.");
        return new Poster(user, ip);
    }

    @Override
    public void send(RoomFrame frame) {
        direct.add(frame);
        wake();
    }

    @Override
    public void close(String reason) {
        closeQuietly(CloseStatus.POLICY_VIOLATION.withReason(reason.length() > 100 ? reason.substring(0, 100) : reason));
    }

    private void closeQuietly(CloseStatus status) {
        open = false;
        try {
            session.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("closing a socket in {}: {}", room.name(), e.toString());
        }
    }
}
