package dev.marquee.platform.id;

import dev.marquee.platform.config.MarqueeProperties;
import org.springframework.stereotype.Component;

/** The node's one Snowflake, handed to every feature that creates rows. */
@Component
public class IdGenerator {
    private final Snowflake snowflake;

    public IdGenerator(MarqueeProperties props) {
        this.snowflake = new Snowflake(props.nodeId());
    }

    public long next() {
        return snowflake.next();
    }
}
