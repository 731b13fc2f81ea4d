package dev.marquee.app;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** A running site per test class with a video's owner, a viewer, and the owner's ready public video (1000 s). */
abstract class DanmakuSiteIT {
    @TempDir
    static Path data;
    static RunningMarquee site;
    static String owner;
    static String viewer;
    static String video;

    @BeforeAll
    static void startSite() {
        site = new RunningMarquee(data);
        owner = site.signUp("dmowner");
        viewer = site.signUp("dmviewer");
        video = DanmakuVideos.ready(site, owner, "public", 1000);
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }
}
