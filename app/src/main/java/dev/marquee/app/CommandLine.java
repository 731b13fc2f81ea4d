package dev.marquee.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses the documented command line into Spring property arguments (the highest-precedence source). */
record CommandLine(String command, List<String> springArguments) {
    static final String USAGE = """
            usage: java -jar marquee.jar serve [--data-dir DIR] [--http-port 8080] [--media-port 8081]
                                               [--rtmp-port 1935] [--public-url URL] [--media-public-url URL]
                                               [--bind-host 127.0.0.1] [--node-id 0]
                   java -jar marquee.jar help
            Every flag has an environment variable twin (MARQUEE_DATA_DIR, MARQUEE_HTTP_PORT, ...) and a
            properties-file twin (marquee.data-dir=... in ./marquee.properties). See the README.""";

    private static final Map<String, String> FLAGS = Map.of(
            "--data-dir", "marquee.data-dir",
            "--http-port", "marquee.http-port",
            "--media-port", "marquee.media-port",
            "--rtmp-port", "marquee.rtmp-port",
            "--public-url", "marquee.public-url",
            "--media-public-url", "marquee.media-public-url",
            "--bind-host", "marquee.bind-host",
            "--node-id", "marquee.node-id");

    static CommandLine parse(List<String> args) {
        String command = args.isEmpty() || args.getFirst().startsWith("--") ? "serve" : args.getFirst();
        if (!command.equals("serve") && !command.equals("help") && !command.equals("--help"))
            throw new IllegalArgumentException("unknown command '" + command + "'");
        if (command.equals("--help")) command = "help";
        List<String> spring = new ArrayList<>();
        int start = args.isEmpty() || args.getFirst().startsWith("--") ? 0 : 1;
        for (int i = start; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help")) return new CommandLine("help", List.of());
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else {
                if (i + 1 >= args.size()) throw new IllegalArgumentException(name + " needs a value");
                value = args.get(++i);
            }
            String property = FLAGS.get(name);
            if (property == null && name.startsWith("--marquee.")) property = name.substring(2); // any setting
            if (property == null) throw new IllegalArgumentException("unknown flag '" + name + "'");
            spring.add("--" + property + "=" + value);
        }
        return new CommandLine(command, spring);
    }
}
