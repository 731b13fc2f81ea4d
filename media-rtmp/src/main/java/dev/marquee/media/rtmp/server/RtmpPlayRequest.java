package dev.marquee.media.rtmp.server;

import java.net.SocketAddress;

/**
 * A client asks to play: {@code rtmp://host/APP/STREAM?QUERY}. A query may follow the name (or the app)
 * and is kept apart; a viewer's token travels there.
 *
 * @param app           application name, without any query ({@code live})
 * @param streamName    stream name, without its query
 * @param query         what followed '?' in the stream name or app, else ""
 * @param tcUrl         the URL the client connected to, as it sent it (may be null)
 * @param remoteAddress the client's address
 */
public record RtmpPlayRequest(String app, String streamName, String query, String tcUrl, SocketAddress remoteAddress) {

    /** The first value of a query parameter, URL-decoded, or null. */
    public String queryParameter(String name) {
        return StreamQuery.parameter(query, name);
    }
}
