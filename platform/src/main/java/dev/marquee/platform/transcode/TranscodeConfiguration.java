package dev.marquee.platform.transcode;

import dev.marquee.platform.config.MarqueeProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TranscodeConfiguration {

    /** Found once at start-up: a missing or incomplete ffmpeg stops the server with a clear message. */
    @Bean
    FfmpegTools ffmpegTools(MarqueeProperties props) {
        return FfmpegTools.locate(props.ffmpegDir());
    }
}
