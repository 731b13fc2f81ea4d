package dev.marquee.platform.community.internal;

import dev.marquee.platform.account.AccountService;
import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.community.RoomKind;
import dev.marquee.platform.config.MarqueeProperties;
import dev.marquee.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Decides, before the upgrade, which room a socket enters and as whom: the {@code access_token} query
 * parameter, else the site cookie (only from our own pages: a cookie sent by another site's page is ignored,
 * so it cannot post in the user's name). A refused handshake gets an ordinary problem-details answer.
 */
@Component
class RoomHandshake implements HandshakeInterceptor {
    record Entry(RoomKind kind, String roomName, String pathId, @Nullable CurrentUser user, String ip) {}

    private static final String ENTRY = Entry.class.getName();

    private final Map<String, RoomKind> kinds;
    private final AccountService accounts;
    private final String siteOrigin;

    RoomHandshake(ObjectProvider<RoomKind> kinds, AccountService accounts, MarqueeProperties props) {
        this.kinds = kinds.orderedStream().collect(Collectors.toMap(RoomKind::path, Function.identity()));
        this.accounts = accounts;
        this.siteOrigin = origin(props.publicUrl());
    }

    static Entry entry(WebSocketSession session) {
        return (Entry) session.getAttributes().get(ENTRY);
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        try {
            String[] parts = request.getURI().getRawPath().split("/");
            // "", "ws", kind, id
            RoomKind kind = parts.length == 4 ? kinds.get(parts[2]) : null;
            if (kind == null) throw ProblemException.notFound("No such room.");
            String id = java.net.URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
            CurrentUser user = caller(request);
            String room = kind.roomFor(id, user);
            String ip = request.getRemoteAddress() == null ? "?" : request.getRemoteAddress().getAddress().getHostAddress();
            attributes.put(ENTRY, new Entry(kind, room, id, user, ip));
            return true;
        } catch (ProblemException refused) {
            refuse(response, refused);
            return false;
        }
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               @Nullable Exception exception) {}

    private @Nullable CurrentUser caller(ServerHttpRequest request) {
        String token = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("access_token");
        if (token != null) {
            return accounts.verifyAccessToken(token)
                    .orElseThrow(() -> ProblemException.unauthorized("The access token is invalid or expired."));
        }
        if (!(request instanceof ServletServerHttpRequest servlet)) return null;
        HttpServletRequest http = servlet.getServletRequest();
        if (!fromOurPages(request)) return null;
        return http.getAttribute(CurrentUser.ATTRIBUTE) instanceof CurrentUser u ? u : null;
    }

    /** No Origin (not a browser), the site's own origin, or the origin the request was addressed to. */
    private boolean fromOurPages(ServerHttpRequest request) {
        String origin = request.getHeaders().getOrigin();
        if (origin == null) return true;
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        String o = origin(origin);
        return o.equals(siteOrigin) || (host != null && (o.equals("http://" + host) || o.equals("https://" + host)));
    }

    private static String origin(String url) {
        try {
            URI u = URI.create(url);
            return u.getScheme() + "://" + u.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static void refuse(ServerHttpResponse response, ProblemException p) {
        response.setStatusCode(p.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"about:blank\",\"title\":" + quote(p.title()) + ",\"status\":" + p.status().value()
                + ",\"detail\":" + quote(p.getMessage()) + "}";
        try {
            response.getBody().write(body.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException ignored) {
            // the client hung up; nothing to tell it
        }
    }

    private static String quote(String s) {
        return tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(s);
    }

}
