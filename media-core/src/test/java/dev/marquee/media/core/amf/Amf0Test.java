package dev.marquee.media.core.amf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Amf0Test {

    /** The connect command body ffmpeg sends, written byte by byte from the AMF0 specification. */
    static byte[] connectCommandBytes() {
        Bytes b = new Bytes();
        b.u8(0x02).str("connect");
        b.u8(0x00).f64(1.0);
        b.u8(0x03);
        b.str("app").u8(0x02).str("live");
        b.str("type").u8(0x02).str("nonprivate");
        b.str("flashVer").u8(0x02).str("FMLE/3.0 (compatible; FMSc/1.0)");
        b.str("tcUrl").u8(0x02).str("rtmp://127.0.0.1:1935/live");
        b.u8(0).u8(0).u8(0x09);
        return b.toByteArray();
    }

    @Test
    void decodesTheConnectCommandFfmpegSends() {
        List<Object> values = Amf0.decodeAll(Unpooled.wrappedBuffer(connectCommandBytes()));

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("app", "live");
        expected.put("type", "nonprivate");
        expected.put("flashVer", "FMLE/3.0 (compatible; FMSc/1.0)");
        expected.put("tcUrl", "rtmp://127.0.0.1:1935/live");
        assertThat(values).containsExactly("connect", 1.0, expected);
        assertThat(new ArrayList<Object>(((Map<?, ?>) values.get(2)).keySet())).containsExactly("app", "type", "flashVer", "tcUrl");
    }

    @Test
    void encodesTheConnectCommandToTheSameBytes() {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("app", "live");
        command.put("type", "nonprivate");
        command.put("flashVer", "FMLE/3.0 (compatible; FMSc/1.0)");
        command.put("tcUrl", "rtmp://127.0.0.1:1935/live");
        ByteBuf out = Unpooled.buffer();
        Amf0.encodeAll(out, "connect", 1, command);
        assertThat(ByteBufUtil.getBytes(out)).isEqualTo(connectCommandBytes());
    }

    @Test
    void roundTripsEveryType() {
        Amf0EcmaArray metadata = new Amf0EcmaArray();
        metadata.put("width", 1280.0);
        metadata.put("encoder", "obs-output module");
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("level", "status");
        object.put("nested", new LinkedHashMap<>(Map.of("k", true)));
        object.put("nothing", null);
        List<Object> values = Arrays.asList(0.0, -1.5, Double.NaN, Double.MAX_VALUE, true, false, "", "héllo ✓",
                null, object, metadata, new ArrayList<>(List.of(1.0, "two", false)), new ArrayList<>(),
                Instant.ofEpochMilli(1_700_000_000_123L), "x".repeat(70_000));
        ByteBuf out = Unpooled.buffer();
        for (Object v : values) Amf0.encode(out, v);

        List<Object> decoded = Amf0.decodeAll(out);

        assertThat(decoded).isEqualTo(values);
        assertThat(decoded.get(10)).isInstanceOf(Amf0EcmaArray.class);
        assertThat(decoded.get(9)).isInstanceOf(LinkedHashMap.class).isNotInstanceOf(Amf0EcmaArray.class);
    }

    @Test
    void numbersOfAnyJavaTypeBecomeDoubles() {
        ByteBuf out = Unpooled.buffer();
        Amf0.encodeAll(out, 3, 4L, (short) 5, 6.5f);
        assertThat(Amf0.decodeAll(out)).containsExactly(3.0, 4.0, 5.0, 6.5);
    }

    @Test
    void ecmaArrayIsWrittenWithTypeAndCount() {
        Amf0EcmaArray array = new Amf0EcmaArray(Map.of("a", 1.0));
        ByteBuf out = Unpooled.buffer();
        Amf0.encode(out, array);
        assertThat((int) out.getUnsignedByte(0)).isEqualTo(0x08);
        assertThat(out.getInt(1)).isEqualTo(1);
    }

    @Test
    void longStringsUseTheLongStringMarkerOnlyWhenNeeded() {
        String atLimit = "a".repeat(65_535);
        String overLimit = "é".repeat(32_768); // 65,536 UTF-8 bytes
        ByteBuf out = Unpooled.buffer();
        Amf0.encode(out, atLimit);
        assertThat((int) out.getUnsignedByte(0)).isEqualTo(0x02);
        int second = out.writerIndex();
        Amf0.encode(out, overLimit);
        assertThat((int) out.getUnsignedByte(second)).isEqualTo(0x0C);
        assertThat(out.getInt(second + 1)).isEqualTo(65_536);
        assertThat(Amf0.decodeAll(out)).containsExactly(atLimit, overLimit);
    }

    @Test
    void decodesUndefinedUnsupportedXmlTypedObjectAndDateWithTimeZone() {
        Bytes b = new Bytes();
        b.u8(0x06).u8(0x0D);
        byte[] xml = "<a/>".getBytes(StandardCharsets.UTF_8);
        b.u8(0x0F).u32(xml.length).raw(xml);
        b.u8(0x10).str("flash.Point").str("x").u8(0x00).f64(2).u8(0).u8(0).u8(0x09);
        b.u8(0x0B).f64(86_400_000).u16(0xFFC4); // time zone -60 minutes, ignored
        List<Object> decoded = Amf0.decodeAll(Unpooled.wrappedBuffer(b.toByteArray()));
        assertThat(decoded).containsExactly(null, null, "<a/>", Map.of("x", 2.0), Instant.parse("1970-01-02T00:00:00Z"));
    }

    @Test
    void referencesResolveToTheEarlierObject() {
        Bytes b = new Bytes();
        b.u8(0x0A).u32(3); // strict array #0
        b.u8(0x03).str("a").u8(0x00).f64(1).u8(0).u8(0).u8(0x09); // object #1
        b.u8(0x07).u16(1);
        b.u8(0x07).u16(1);
        List<?> list = (List<?>) Amf0.decode(Unpooled.wrappedBuffer(b.toByteArray()));
        assertThat(list).hasSize(3);
        assertThat(list.get(1)).isSameAs(list.get(0)).isEqualTo(Map.of("a", 1.0));
        assertThat(list.get(2)).isSameAs(list.get(0));
    }

    @Test
    void referencesWorkAcrossTheValuesOfOneDecodeAllCall() {
        Bytes b = new Bytes();
        b.u8(0x03).str("k").u8(0x02).str("v").u8(0).u8(0).u8(0x09);
        b.u8(0x07).u16(0);
        List<Object> values = Amf0.decodeAll(Unpooled.wrappedBuffer(b.toByteArray()));
        assertThat(values.get(1)).isSameAs(values.get(0));
    }

    @Test
    void refusesReferenceToAnEnclosingObjectOrToNothing() {
        Bytes cycle = new Bytes().u8(0x03).str("self").u8(0x07).u16(0).u8(0).u8(0).u8(0x09);
        assertThatThrownBy(() -> Amf0.decode(Unpooled.wrappedBuffer(cycle.toByteArray())))
                .isInstanceOf(Amf0Exception.class).hasMessageContaining("enclosing");
        Bytes dangling = new Bytes().u8(0x07).u16(5);
        assertThatThrownBy(() -> Amf0.decode(Unpooled.wrappedBuffer(dangling.toByteArray())))
                .isInstanceOf(Amf0Exception.class);
    }

    @Test
    void refusesReferencesThatWouldExpandBeyondTheElementLimit() {
        // Each array holds two references to the one before: 2^40 values once expanded, in a few hundred bytes.
        Bytes b = new Bytes().u8(0x0A).u32(41);
        b.u8(0x0A).u32(0);
        for (int i = 1; i <= 40; i++) b.u8(0x0A).u32(2).u8(0x07).u16(i).u8(0x07).u16(i);
        assertThatThrownBy(() -> Amf0.decode(Unpooled.wrappedBuffer(b.toByteArray())))
                .isInstanceOf(Amf0Exception.class).hasMessageContaining("values");
    }

    @Test
    void refusesDeepNesting() {
        Bytes b = new Bytes();
        for (int i = 0; i < 100; i++) b.u8(0x0A).u32(1);
        b.u8(0x05);
        assertThatThrownBy(() -> Amf0.decode(Unpooled.wrappedBuffer(b.toByteArray())))
                .isInstanceOf(Amf0Exception.class).hasMessageContaining("nesting");
    }

    @Test
    void acceptsNestingUpToTheLimit() {
        Object value = "leaf";
        for (int i = 0; i < Amf0Reader.MAX_DEPTH; i++) value = new ArrayList<>(List.of(value));
        ByteBuf out = Unpooled.buffer();
        Amf0.encode(out, value);
        assertThat(Amf0.decode(out)).isEqualTo(value);
        Object tooDeep = new ArrayList<>(List.of(value));
        assertThatThrownBy(() -> Amf0.encode(Unpooled.buffer(), tooDeep)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesLengthsBeyondTheInputBeforeAllocating() {
        byte[] strictArray = new Bytes().u8(0x0A).u32(0xFFFFFFFFL).toByteArray();
        byte[] longString = new Bytes().u8(0x0C).u32(0x7FFFFFFF).raw(new byte[10]).toByteArray();
        for (byte[] input : List.of(strictArray, longString)) {
            assertThatThrownBy(() -> Amf0.decode(Unpooled.wrappedBuffer(input))).isInstanceOf(Amf0Exception.class);
        }
    }

    @Test
    void refusesUnknownAndReservedTypes() {
        for (int type : new int[] {0x04, 0x09, 0x0E, 0x11, 0x12, 0xFF}) {
            assertThatThrownBy(() -> Amf0.decode(Unpooled.wrappedBuffer(new byte[] {(byte) type, 0, 0, 0})))
                    .isInstanceOf(Amf0Exception.class);
        }
    }

    @Test
    void truncationAtEveryByteOffsetIsAnAmf0ExceptionOnly() {
        byte[] message = connectCommandBytes();
        List<Integer> valueBoundaries = List.of(0, 10, 19);
        for (int cut = 0; cut < message.length; cut++) {
            ByteBuf in = Unpooled.wrappedBuffer(message, 0, cut);
            Throwable thrown = catchThrowable(() -> Amf0.decodeAll(in));
            if (valueBoundaries.contains(cut)) {
                assertThat(thrown).as("cut at %d", cut).isNull();
            } else {
                assertThat(thrown).as("cut at %d", cut).isInstanceOf(Amf0Exception.class);
                assertThat(in.readerIndex()).as("reader index restored").isZero();
            }
        }
    }

    @Test
    void decodeReadsOneValueAndAdvances() {
        ByteBuf in = Unpooled.wrappedBuffer(connectCommandBytes());
        assertThat(Amf0.decode(in)).isEqualTo("connect");
        assertThat(in.readerIndex()).isEqualTo(10);
        assertThat(Amf0.decode(in)).isEqualTo(1.0);
    }

    @Test
    void refusesToEncodeWhatAmf0CannotCarry() {
        assertThatThrownBy(() -> Amf0.encode(Unpooled.buffer(), new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Amf0.encode(Unpooled.buffer(), Map.of(1, 2))).isInstanceOf(IllegalArgumentException.class);
    }

    /** A tiny big-endian byte writer so test vectors read like the specification. */
    static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int v) {
            out.write(v);
            return this;
        }

        Bytes u16(int v) {
            return u8(v >> 8).u8(v);
        }

        Bytes u32(long v) {
            return u16((int) (v >>> 16)).u16((int) v & 0xFFFF);
        }

        Bytes f64(double v) {
            long bits = Double.doubleToLongBits(v);
            return u32(bits >>> 32).u32(bits & 0xFFFFFFFFL);
        }

        /** An AMF0 UTF-8 string without its type marker: 16-bit length, bytes. */
        Bytes str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return u16(b.length).raw(b);
        }

        Bytes raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
