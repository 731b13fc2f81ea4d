package dev.marquee.bench.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's CPU time and resident memory from /proc (Linux). */
public final class ProcStat {
    /** USER_HZ: 100 on every Linux this runs on; -Dbench.clkTck overrides. */
    private static final double TICKS_PER_SECOND = Double.parseDouble(System.getProperty("bench.clkTck", "100"));

    private ProcStat() {}

    /** utime + stime of a process (all its threads), in seconds; -1 if it cannot be read. */
    public static double cpuSeconds(long pid) {
        try {
            return parseCpuSeconds(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The sum over several processes; -1 if any cannot be read. */
    public static double cpuSeconds(long[] pids) {
        double sum = 0;
        for (long pid : pids) {
            double s = cpuSeconds(pid);
            if (s < 0) return -1;
            sum += s;
        }
        return sum;
    }

    /** utime + stime from the text of /proc/PID/stat (the name in parentheses may hold spaces). */
    static double parseCpuSeconds(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state); utime and stime are fields 14 and 15
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }
}
