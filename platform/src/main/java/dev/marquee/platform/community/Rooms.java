package dev.marquee.platform.community;

import dev.marquee.platform.config.MarqueeProperties;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** The open rooms of this node, by name. A room exists while a socket is in it; publishing to none is a no-op. */
@Component
public class Rooms implements DisposableBean {
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("room-ticker").daemon().factory());
    private final Duration flushInterval;

    public Rooms(MarqueeProperties props) {
        this.flushInterval = props.roomFlushInterval();
    }

    public Optional<Room> find(String name) {
        return Optional.ofNullable(rooms.get(name));
    }

    /** Serializes the message once and sends it to everyone in the room, if anyone is. */
    public void publish(String name, Object message) {
        Room room = rooms.get(name);
        if (room != null) room.publish(RoomFrame.of(message));
    }

    /** Sockets in the room now (0 when there is no such room). */
    public int size(String name) {
        Room room = rooms.get(name);
        return room == null ? 0 : room.size();
    }

    /** The socket layer: a socket's writer joins the room, creating it. */
    public Room enter(String name, Room.Listener listener) {
        return rooms.compute(name, (n, room) -> {
            Room r = room == null ? new Room(n, ticker, flushInterval) : room;
            r.listen(listener);
            return r;
        });
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
    }

    /** The socket layer: a socket left; the last one out closes the room. */
    public void leave(String name, Room.Listener listener) {
        rooms.computeIfPresent(name, (n, room) -> {
            room.unlisten(listener);
            return room.size() == 0 ? null : room;
        });
    }
}
