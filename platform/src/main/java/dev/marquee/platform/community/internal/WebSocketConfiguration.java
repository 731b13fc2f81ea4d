package dev.marquee.platform.community.internal;

import org.apache.tomcat.websocket.server.WsSci;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * WebSockets on the site's own port: Tomcat's container (started by hand: Boot's WebSocket module is not in
 * this build) and every room at {@code /ws/{kind}/{id}}. Client messages are small; a bigger one closes the
 * socket (1009).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class WebSocketConfiguration implements WebSocketConfigurer {
    static final int MAX_MESSAGE_BYTES = 4096;

    private final RoomWebSocketHandler handler;
    private final RoomHandshake handshake;

    WebSocketConfiguration(RoomWebSocketHandler handler, RoomHandshake handshake) {
        this.handler = handler;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // Origins are checked by RoomHandshake: other sites may connect, but never with the user's cookie.
        registry.addHandler(handler, "/ws/*/*").addInterceptors(handshake).setAllowedOriginPatterns("*");
    }

    @Bean
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> webSocketContainer() {
        return factory -> factory.addContextCustomizers(context -> context.addServletContainerInitializer(new WsSci(), null));
    }

    @Bean
    static ServletServerContainerFactoryBean webSocketLimits() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        container.setMaxBinaryMessageBufferSize(MAX_MESSAGE_BYTES);
        container.setMaxSessionIdleTimeout(120_000L); // clients ping every 25 s
        return container;
    }
}
