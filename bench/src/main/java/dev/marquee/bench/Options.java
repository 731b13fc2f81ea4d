package dev.marquee.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} and {@code --flag} command-line options; an unknown name is an error. */
final class Options {
    private final Map<String, String> values = new HashMap<>();

    private Options() {}

    /** @param valued names that take a value; flags names that do not */
    static Options parse(String[] args, Set<String> valued, Set<String> flags) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) throw new IllegalArgumentException("unexpected argument " + arg);
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                o.put(name.substring(0, eq), name.substring(eq + 1), valued);
            } else if (flags.contains(name)) {
                o.values.put(name, "true");
            } else if (valued.contains(name)) {
                if (i + 1 >= args.length) throw new IllegalArgumentException("--" + name + " needs a value");
                o.values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        return o;
    }

    static Set<String> names(String spaceSeparated) {
        return Set.copyOf(List.of(spaceSeparated.trim().split("\\s+")));
    }

    private void put(String name, String value, Set<String> valued) {
        if (!valued.contains(name)) throw new IllegalArgumentException("unknown option --" + name);
        values.put(name, value);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return has(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    double number(String name, double fallback) {
        return has(name) ? Double.parseDouble(values.get(name)) : fallback;
    }

    /** A duration in seconds: "60s", "500ms", "250us", "2m" or a plain number of seconds. */
    double seconds(String name, double fallback) {
        return has(name) ? parseSeconds(values.get(name)) : fallback;
    }

    static double parseSeconds(String text) {
        String t = text.trim();
        if (t.endsWith("us")) return Double.parseDouble(t.substring(0, t.length() - 2)) / 1e6;
        if (t.endsWith("ms")) return Double.parseDouble(t.substring(0, t.length() - 2)) / 1000.0;
        if (t.endsWith("s")) return Double.parseDouble(t.substring(0, t.length() - 1));
        if (t.endsWith("m")) return Double.parseDouble(t.substring(0, t.length() - 1)) * 60;
        return Double.parseDouble(t);
    }
}
