package dev.marquee.media.core.amf;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;

/** Any bytes: either values or an Amf0Exception, and what decodes re-encodes to the same values. */
class Amf0FuzzTest {

    @FuzzTest(maxDuration = "60s")
    void decode(byte[] input) {
        List<Object> values;
        try {
            values = Amf0.decodeAll(Unpooled.wrappedBuffer(input));
        } catch (Amf0Exception refused) {
            return;
        }
        ByteBuf out = Unpooled.buffer();
        for (Object value : values) {
            Amf0.encode(out, value);
        }
        assertThat(Amf0.decodeAll(out)).isEqualTo(values);
    }
}
