package dev.marquee.media.rtmp.server;

import java.net.SocketAddress;
import java.util.Map;

/**
 * A client asks to publish: {@code rtmp://host/APP/STREAM?QUERY}. OBS puts the stream key in
 * {@code streamName}; a query may follow the name (or the app) and is kept apart.
 *
 * @param app               application name, without any query ({@code live})
 * @param streamName        stream name, without its query (the stream key)
 * @param query             what followed '?' in the stream name or app, else ""
 * @param publishType       "live", "record" or "append"
 * @param tcUrl             the URL the client connected to, as it sent it (may be null)
 * @param connectProperties connect's command object (flashVer, fourCcList, …)
 * @param remoteAddress     the client's address
 */
public record RtmpPublishRequest(String app, String streamName, String query, String publishType, String tcUrl,
                                 Map<String, Object> connectProperties, SocketAddress remoteAddress) {

    /** The first value of a query parameter, URL-decoded, or null. */
    public String queryParameter(String name) {
        return StreamQuery.parameter(query, name);
    }
}
