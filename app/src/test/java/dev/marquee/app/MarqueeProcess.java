package dev.marquee.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Marquee in a JVM of its own, so a test can kill it with SIGKILL as a crash or power cut would. */
final class MarqueeProcess {
    final Process process;
    final Path log;

    private MarqueeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static MarqueeProcess start(Path dataDir, int httpPort, int mediaPort, Path log, String... extra) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.marquee.app.Marquee", "serve", "--data-dir", dataDir.toString(),
                "--http-port", Integer.toString(httpPort), "--media-port", Integer.toString(mediaPort),
                "--rtmp-port", Integer.toString(RunningMarquee.freePort())));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        MarqueeProcess mp = new MarqueeProcess(p, log);
        mp.awaitLog("Marquee ready", Duration.ofSeconds(90));
        return mp;
    }

    void awaitLog(String text, Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) return;
            if (!process.isAlive()) throw new IllegalStateException("Marquee exited:\n" + Files.readString(log));
            Thread.sleep(200);
        }
        throw new IllegalStateException("no '" + text + "' in time:\n" + Files.readString(log));
    }

    /** SIGKILL: no shutdown hooks, no cleanup, like a crash. Returns the children it had (ffmpeg). */
    List<ProcessHandle> kill() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        process.waitFor();
        return children;
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(30), java.util.concurrent.TimeUnit.MILLISECONDS))
            process.destroyForcibly().waitFor();
    }
}
