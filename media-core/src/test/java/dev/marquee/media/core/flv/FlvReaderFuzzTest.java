package dev.marquee.media.core.flv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.marquee.media.core.amf.Amf0;
import dev.marquee.media.core.amf.Amf0Exception;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * Any bytes: only FlvFormatException escapes, and reading in one piece or byte by byte gives the same tags and
 * the same verdict. Script tags go on through the AMF0 decoder.
 */
class FlvReaderFuzzTest {
    private static final int MAX_TAG_SIZE = 1 << 16;

    @FuzzTest(maxDuration = "60s")
    void read(byte[] input) {
        List<String> whole = new ArrayList<>();
        boolean wholeRefused = readInto(input, input.length, whole);
        List<String> bytewise = new ArrayList<>();
        boolean bytewiseRefused = readInto(input, 1, bytewise);
        assertThat(bytewise).isEqualTo(whole);
        assertThat(bytewiseRefused).isEqualTo(wholeRefused);
    }

    private static boolean readInto(byte[] input, int pieceSize, List<String> out) {
        FlvReader reader = new FlvReader(MAX_TAG_SIZE);
        try {
            for (int at = 0; at < input.length; at += pieceSize) {
                reader.feed(Unpooled.wrappedBuffer(input, at, Math.min(pieceSize, input.length - at)), tag -> {
                    out.add(describe(tag));
                    tag.release();
                });
            }
            return false;
        } catch (FlvFormatException refused) {
            return true;
        } finally {
            reader.close();
        }
    }

    private static String describe(FlvTag tag) {
        if (tag.isScript()) {
            try {
                Amf0.decodeAll(tag.body().duplicate());
            } catch (Amf0Exception ignored) {
                // hostile script data is expected here
            }
        }
        return tag + " " + ByteBufUtil.hexDump(tag.body());
    }
}
