package dev.marquee.media.live;

import dev.marquee.media.core.flv.FlvTag;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The other tests trust the leak detector; this one makes sure it is armed and would catch a leak. */
class LeakDetectionTest {

    @Test
    void aForgottenFrameIsReported() {
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
        forgetAFrame();
        for (int i = 0; i < 20 && LeakRecordingDetector.takeReportsPeek().isEmpty(); i++) {
            System.gc();
            LiveFixture.sleep(20);
            Unpooled.buffer(1).release();
            new SharedFrame(new FlvTag(FlvTag.AUDIO, 0, Unpooled.buffer(2).writeShort(0xAF01)), FrameKind.FRAME,
                    new FrameForm[0]).release();
        }
        assertThat(LeakRecordingDetector.takeReports()).anyMatch(r -> r.contains("SharedFrame"));
    }

    private static void forgetAFrame() {
        new SharedFrame(new FlvTag(FlvTag.AUDIO, 0, Unpooled.buffer(2).writeShort(0xAF01)), FrameKind.FRAME,
                new FrameForm[0]);
    }
}
