package dev.marquee.platform.community;

import dev.marquee.platform.account.CurrentUser;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One family of WebSocket rooms, served at {@code /ws/{path}/{id}} ({@code /ws/videos/{id}},
 * {@code /ws/live/{username}}). A feature implements it as a bean; {@link Rooms} finds it by its path.
 * Callbacks run on the socket's receiving thread; a {@code ProblemException} thrown from {@link #received}
 * goes back to that socket alone as an {@code error} frame.
 */
public interface RoomKind {
    /** The path segment after {@code /ws/}, e.g. {@code videos}. */
    String path();

    /** The room's name for this id, if the caller may enter; otherwise throws ProblemException (404, 403). */
    String roomFor(String id, @Nullable CurrentUser user);

    /** A socket entered the room (its frames flow from now on). */
    default void joined(RoomMember member) {}

    /** A message a socket sent: one JSON object, its {@code type} already checked to be a string. */
    void received(RoomMember member, String type, JsonNode message);

    /** A socket left the room. */
    default void left(RoomMember member) {}
}
