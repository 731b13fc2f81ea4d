package dev.marquee.platform.config;

import dev.marquee.media.server.spi.UrlSigner;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(MarqueeProperties.class)
class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Signs media URLs; the media server checks them with the same key. */
    @Bean
    UrlSigner urlSigner(Secrets secrets) {
        return new UrlSigner(secrets.derive("media-url"));
    }
}
