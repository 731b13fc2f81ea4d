package dev.marquee.bench;

import dev.marquee.bench.floor.BareFanout;
import dev.marquee.bench.publish.SourceFile;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * Runs {@link BareFanout}, the floor the ladder measures beside the servers: a pre-encoded FLV file served
 * live over HTTP-FLV to every viewer on any path, one write per viewer per flush interval.
 *
 * <pre>java -cp bench/target/marquee-bench.jar dev.marquee.bench.BareFanoutServer --port 29391 --source src.flv \
 *     [--flush 100ms] [--seconds 3600] [--bind 127.0.0.1]</pre>
 */
public final class BareFanoutServer {
    private BareFanoutServer() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("slf4j.internal.verbosity", "ERROR"); // no logging backend here, and no need to say so
        Options options = Options.parse(args, Options.names("port source flush seconds bind"), Options.names("help"));
        if (options.has("help") || !options.has("port") || !options.has("source")) {
            System.err.println("usage: BareFanoutServer --port PORT --source FILE.flv [--flush 100ms] [--seconds 3600] [--bind 127.0.0.1]");
            System.exit(options.has("help") ? 0 : 2);
        }
        long flushMillis = Math.round(options.seconds("flush", 0.1) * 1000);
        InetSocketAddress bind = new InetSocketAddress(options.get("bind", "127.0.0.1"), options.integer("port", 0));
        try (SourceFile source = SourceFile.read(Path.of(options.get("source", null)));
             BareFanout fanout = new BareFanout(source, bind, flushMillis)) {
            System.out.println("listening on " + fanout.port() + ", one round every " + flushMillis + " ms");
            System.out.flush();
            fanout.run((long) (options.seconds("seconds", 3600) * 1000));
            fanout.release();
        }
    }
}
