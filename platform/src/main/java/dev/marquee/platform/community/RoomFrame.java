package dev.marquee.platform.community;

import tools.jackson.databind.json.JsonMapper;

/**
 * One WebSocket text frame's payload, serialized once and handed by reference to every socket of a room (as
 * the live video fan-out shares one buffer per frame).
 */
public record RoomFrame(String json) {
    private static final JsonMapper JSON = JsonMapper.shared();

    /** Serializes a message object (a record or map with a {@code type}) once. */
    public static RoomFrame of(Object message) {
        return new RoomFrame(JSON.writeValueAsString(message));
    }
}
