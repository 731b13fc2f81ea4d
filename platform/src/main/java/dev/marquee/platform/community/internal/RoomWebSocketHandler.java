package dev.marquee.platform.community.internal;

import dev.marquee.platform.community.RoomFrame;
import dev.marquee.platform.community.RoomKind;
import dev.marquee.platform.community.Rooms;
import dev.marquee.platform.web.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every room socket: enters the room the handshake chose, hands each incoming JSON object to the room's kind,
 * answers {@code ping} with {@code pong}, and turns a refused message into an {@code error} frame for the
 * sender alone.
 */
@Component
class RoomWebSocketHandler extends TextWebSocketHandler {
    private static final Logger log = LoggerFactory.getLogger(RoomWebSocketHandler.class);
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final RoomFrame PONG = RoomFrame.of(Map.of("type", "pong"));
    static final String SOCKET = RoomSocket.class.getName();

    private final Rooms rooms;

    RoomWebSocketHandler(Rooms rooms) {
        this.rooms = rooms;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        RoomHandshake.Entry entry = RoomHandshake.entry(session);
        RoomSocket socket = new RoomSocket(session, entry.pathId(), entry.user(), entry.ip());
        session.getAttributes().put(SOCKET, socket);
        socket.start(rooms.enter(entry.roomName(), socket));
        try {
            entry.kind().joined(socket);
        } catch (ProblemException refused) {
            socket.close(refused.getMessage());
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        RoomSocket socket = (RoomSocket) session.getAttributes().get(SOCKET);
        RoomKind kind = RoomHandshake.entry(session).kind();
        try {
            JsonNode node = JSON.readTree(message.getPayload());
            JsonNode type = node == null ? null : node.get("type");
            if (node == null || !node.isObject() || type == null || !type.isString())
                throw ProblemException.badRequest("A message is one JSON object with a string \"type\".");
            if (type.asString().equals("ping")) socket.send(PONG);
            else kind.received(socket, type.asString(), node);
        } catch (JacksonException e) {
            socket.send(error(ProblemException.badRequest("A message is one JSON object with a string \"type\".")));
        } catch (ProblemException refused) {
            socket.send(error(refused));
        } catch (RuntimeException e) {
            log.error("message in {} failed", socket.room().name(), e);
            socket.send(RoomFrame.of(Map.of("type", "error", "status", 500, "title", "Internal error",
                    "detail", "The server could not handle that message.")));
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("socket error: {}", exception.toString()); // a client vanished mid-frame, or sent junk
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        RoomSocket socket = (RoomSocket) session.getAttributes().get(SOCKET);
        if (socket == null) return;
        socket.stop();
        rooms.leave(socket.room().name(), socket);
        try {
            RoomHandshake.entry(session).kind().left(socket);
        } catch (RuntimeException e) {
            log.warn("leaving {} failed", socket.room().name(), e);
        }
    }

    static RoomFrame error(ProblemException p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "error");
        m.put("status", p.status().value());
        m.put("title", p.title());
        m.put("detail", p.getMessage());
        if (p.retryAfterSeconds() != null) m.put("retryAfter", p.retryAfterSeconds());
        return RoomFrame.of(m);
    }
}
