package dev.marquee.media.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Netty's leak detector (installed for this module's tests by a system property), remembering what it
 * reports so a test can fail on a leak instead of only logging it.
 */
public final class LeakRecordingDetector<T> extends ResourceLeakDetector<T> {
    private static final List<String> REPORTS = new CopyOnWriteArrayList<>();

    public LeakRecordingDetector(Class<?> resourceType, int samplingInterval) {
        super(resourceType, samplingInterval);
    }

    public LeakRecordingDetector(Class<?> resourceType, int samplingInterval, long maxActive) {
        super(resourceType, samplingInterval, maxActive);
    }

    @Override
    protected boolean needReport() {
        return true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        REPORTS.add(resourceType + records); // the failing assertion prints it
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        REPORTS.add(resourceType);
    }

    /** Collects garbage, lets the detectors look at what was collected, and fails on any report. */
    static void assertNoLeakReported() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ByteBuf probe = Unpooled.buffer(1); // tracking a new buffer makes the detector report the collected ones
            probe.release();
        }
        assertThat(REPORTS).as("leaks reported by Netty's detector").isEmpty();
    }

    static List<String> takeReportsPeek() {
        return List.copyOf(REPORTS);
    }

    /** Reports so far, then forgets them (for the test that proves a leak is caught). */
    static List<String> takeReports() {
        List<String> taken = List.copyOf(REPORTS);
        REPORTS.removeAll(taken);
        return taken;
    }
}
