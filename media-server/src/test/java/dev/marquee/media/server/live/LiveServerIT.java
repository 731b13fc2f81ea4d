package dev.marquee.media.server.live;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link LiveTestServer} (2 s reconnect grace) and a directory for each test's logs and files. */
abstract class LiveServerIT {
    @TempDir
    Path dir;
    LiveTestServer live;

    @BeforeEach
    final void startLiveServer() {
        live = new LiveTestServer(dir, Duration.ofSeconds(2));
    }

    @AfterEach
    final void stopLiveServer() {
        live.close();
    }
}
