package dev.marquee.app;

import dev.marquee.platform.Platform;
import java.util.List;
import org.springframework.boot.SpringApplication;

/** {@code java -jar marquee.jar serve [flags]}: the whole site in one JVM. */
public final class Marquee {
    private Marquee() {}

    public static void main(String[] args) {
        CommandLine line;
        try {
            line = CommandLine.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("marquee: " + e.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        if (line.command().equals("help")) {
            System.out.println(CommandLine.USAGE);
            return;
        }
        // ./marquee.properties (or $MARQUEE_CONFIG) is the properties-file twin of the flags.
        String config = System.getenv().getOrDefault("MARQUEE_CONFIG", "./marquee.properties");
        System.setProperty("spring.config.additional-location", "optional:file:" + config);
        SpringApplication app = new SpringApplication(Platform.class, MediaPlane.class);
        app.run(line.springArguments().toArray(String[]::new));
    }
}
