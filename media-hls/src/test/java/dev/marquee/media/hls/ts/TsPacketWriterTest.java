package dev.marquee.media.hls.ts;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class TsPacketWriterTest {
    final TsPacketWriter writer = new TsPacketWriter(0x100);
    final ByteBuf out = Unpooled.buffer();

    @Test
    void aPesIsCutIntoPacketsWithOneStartAndCountingContinuity() {
        ByteBuf header = Hex.buf("000001e0000084800521000100 01");
        ByteBuf payload = Unpooled.wrappedBuffer(sequence(1000));
        writer.writePes(out, header, payload, -1, false);

        List<TsPackets.Packet> packets = TsPackets.parse(ByteBufUtil.getBytes(out));
        assertThat(packets).hasSize(6); // 14 + 1000 bytes over 184-byte payloads
        assertThat(packets).extracting(TsPackets.Packet::continuityCounter).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(packets).extracting(TsPackets.Packet::payloadUnitStart).containsExactly(true, false, false, false, false, false);
        assertThat(packets).allMatch(p -> p.pid() == 0x100);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        packets.forEach(p -> joined.writeBytes(p.payload()));
        assertThat(joined.toByteArray()).isEqualTo(ByteBufUtil.getBytes(Unpooled.wrappedBuffer(header, payload)));
        assertThat(packets.get(5).adaptationLength()).isEqualTo(184 - 1014 % 184 - 1); // stuffing, not payload
        assertThat(header.readerIndex()).isZero(); // indexes do not move
        assertThat(payload.readerIndex()).isZero();
    }

    @Test
    void theFirstPacketCarriesPcrAndRandomAccess() {
        writer.writePes(out, Hex.buf("000001e0"), Unpooled.wrappedBuffer(sequence(400)), 123_456_789L, true);
        List<TsPackets.Packet> packets = TsPackets.parse(ByteBufUtil.getBytes(out));
        assertThat(packets.get(0).pcr()).isEqualTo(123_456_789L);
        assertThat(packets.get(0).randomAccess()).isTrue();
        assertThat(packets.get(0).adaptationLength()).isEqualTo(7); // flags + 6 PCR bytes
        assertThat(packets.get(1).pcr()).isEqualTo(-1);
        assertThat(packets.get(1).randomAccess()).isFalse();
    }

    @Test
    void oneByteShortIsAZeroLengthAdaptationField() {
        writer.writePes(out, Unpooled.buffer(0), Unpooled.wrappedBuffer(sequence(183)), -1, false);
        TsPackets.Packet packet = TsPackets.parse(ByteBufUtil.getBytes(out)).get(0);
        assertThat(packet.adaptationLength()).isZero();
        assertThat(packet.payload()).hasSize(183);
    }

    @Test
    void exactlyOnePacketOfPayloadNeedsNoAdaptationField() {
        writer.writePes(out, Unpooled.buffer(0), Unpooled.wrappedBuffer(sequence(184)), -1, false);
        List<TsPackets.Packet> packets = TsPackets.parse(ByteBufUtil.getBytes(out));
        assertThat(packets).singleElement().satisfies(p -> assertThat(p.adaptationLength()).isEqualTo(-1));
    }

    @Test
    void continuityCounterWrapsAfterFifteen() {
        for (int i = 0; i < 18; i++) writer.writePes(out, Unpooled.buffer(0), Unpooled.wrappedBuffer(sequence(10)), -1, false);
        assertThat(TsPackets.parse(ByteBufUtil.getBytes(out))).extracting(TsPackets.Packet::continuityCounter)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1);
    }

    @Test
    void aSectionFollowsAZeroPointerAndIsPaddedWithFf() {
        byte[] pat = ProgramTables.pat(TsMuxer.PMT_PID, 0);
        new TsPacketWriter(0).writeSection(out, pat);
        byte[] packet = ByteBufUtil.getBytes(out);
        assertThat(packet).hasSize(188);
        assertThat(Hex.of(packet)).startsWith("47400010" + "00" + Hex.of(pat));
        for (int i = 5 + pat.length; i < 188; i++) assertThat(packet[i]).isEqualTo((byte) 0xFF);
    }

    static byte[] sequence(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) i;
        return b;
    }
}
