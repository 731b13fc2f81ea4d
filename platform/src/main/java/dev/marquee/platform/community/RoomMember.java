package dev.marquee.platform.community;

import dev.marquee.platform.account.CurrentUser;
import org.jspecify.annotations.Nullable;

/** One socket in a room, as a feature sees it. */
public interface RoomMember {
    Room room();

    /** The id from the URL ({@code /ws/videos/{id}}). */
    String pathId();

    /** Who signed in on this socket (access_token query parameter or site cookie); null for a guest. */
    @Nullable CurrentUser user();

    /** The client's address, for rate limits. */
    String ip();

    /** The poster this member is: 401 for a guest. */
    Poster poster();

    /** A frame for this socket alone (an error, a state snapshot), in order with the room's frames. */
    void send(RoomFrame frame);

    /** Closes the socket with a policy-violation code and a short reason. */
    void close(String reason);
}
