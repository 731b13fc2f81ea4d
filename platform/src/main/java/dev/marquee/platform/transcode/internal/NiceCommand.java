package dev.marquee.platform.transcode.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a command below the server's CPU priority through {@code nice}, which execs it (the process is still the
 * command's own, so killing it kills the command). Where there is no {@code nice} (Windows) the command runs
 * level, which is what it did before.
 */
public final class NiceCommand {
    private static final Optional<Path> NICE = find();

    private NiceCommand() {
    }

    /** {@code command} as run at {@code niceness} (1..19); unchanged for 0 or where nice is missing. */
    public static List<String> wrap(List<String> command, int niceness) {
        if (niceness == 0 || NICE.isEmpty()) return command;
        List<String> wrapped = new ArrayList<>(command.size() + 3);
        wrapped.addAll(List.of(NICE.get().toString(), "-n", Integer.toString(niceness)));
        wrapped.addAll(command);
        return wrapped;
    }

    private static Optional<Path> find() {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(List.of("/usr/bin", "/bin"));
        if (path != null) dirs.addAll(List.of(path.split(File.pathSeparator)));
        return dirs.stream().filter(d -> !d.isBlank()).map(d -> Path.of(d, "nice")).filter(Files::isExecutable).findFirst();
    }
}
