package dev.marquee.bench;

import dev.marquee.bench.publish.Publisher;
import java.nio.file.Path;

/**
 * Publishes a pre-encoded FLV file over RTMP in real time, looping, with the wall-clock send time stamped
 * into every H.264 frame (see {@link dev.marquee.bench.scan.BenchStamp}).
 *
 * <pre>java -cp bench/target/marquee-bench.jar dev.marquee.bench.StampedPublisher \
 *     --url rtmp://127.0.0.1:1935/live/NAME --source src.flv [--seconds 3600] [--no-stamp]</pre>
 */
public final class StampedPublisher {
    private StampedPublisher() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("slf4j.internal.verbosity", "ERROR"); // no logging backend here, and no need to say so
        Options options = Options.parse(args, Options.names("url source seconds"), Options.names("no-stamp help"));
        if (options.has("help") || !options.has("url") || !options.has("source")) {
            System.err.println("usage: StampedPublisher --url rtmp://HOST:PORT/APP/STREAM --source FILE.flv [--seconds 3600] [--no-stamp]");
            System.exit(options.has("help") ? 0 : 2);
        }
        String error = Publisher.run(options.get("url", null), Path.of(options.get("source", null)),
                !options.has("no-stamp"), (long) (options.seconds("seconds", 3600) * 1000));
        if (error != null) {
            System.err.println("publisher: " + error);
            System.exit(1);
        }
    }
}
