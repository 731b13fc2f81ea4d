package dev.marquee.media.hls.ts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnexBWriterTest {
    static final String SC = "00000001";
    static final String AUD = SC + "09f0";
    static final String SPS = "6764001f";
    static final String PPS = "68ee3c80";
    final AnnexBWriter h264 = new AnnexBWriter(NalSyntax.H264, 4, List.of(Hex.bytes(SPS), Hex.bytes(PPS)));
    final ByteBuf out = Unpooled.buffer();

    @Test
    void idrGetsDelimiterAndParameterSetsBeforeItsNalUnits() {
        ByteBuf in = Hex.buf("00000003 06 0501" + "00000004 65 888480");
        assertThat(h264.write(in, out, true)).isTrue();
        assertThat(Hex.of(out)).isEqualTo(AUD + SC + SPS + SC + PPS + SC + "060501" + SC + "65888480");
        assertThat(in.readerIndex()).isZero();
    }

    @Test
    void otherPicturesGetOnlyTheDelimiter() {
        assertThat(h264.write(Hex.buf("00000002 419a"), out, false)).isTrue();
        assertThat(Hex.of(out)).isEqualTo(AUD + SC + "419a");
    }

    @Test
    void anIdrSliceBringsParameterSetsEvenWithoutTheKeyframeFlag() {
        h264.write(Hex.buf("00000002 6588"), out, false);
        assertThat(Hex.of(out)).isEqualTo(AUD + SC + SPS + SC + PPS + SC + "6588");
    }

    @Test
    void inBandParameterSetsAndDelimitersAreNotDoubled() {
        h264.write(Hex.buf("00000002 0910" + "00000002 6742" + "00000002 68ce" + "00000002 6588"), out, true);
        assertThat(Hex.of(out)).isEqualTo(AUD + SC + "6742" + SC + "68ce" + SC + "6588");
    }

    @Test
    void shortLengthPrefixesAndEmptyUnitsAreRead() {
        AnnexBWriter twoByte = new AnnexBWriter(NalSyntax.H264, 2, List.of());
        twoByte.write(Hex.buf("0002 419a" + "0000" + "0001 41"), out, false);
        assertThat(Hex.of(out)).isEqualTo(AUD + SC + "419a" + SC + "41");
        out.clear();
        new AnnexBWriter(NalSyntax.H264, 1, List.of()).write(Hex.buf("02 419a"), out, false);
        assertThat(Hex.of(out)).isEqualTo(AUD + SC + "419a");
    }

    @Test
    void aLengthRunningPastTheDataWritesNothing() {
        assertThat(h264.write(Hex.buf("00000002 419a" + "00000009 41"), out, false)).isFalse();
        assertThat(h264.write(Hex.buf("0000"), out, false)).isFalse();
        assertThat(h264.write(Hex.buf("ffffffff 41"), out, false)).isFalse();
        assertThat(out.readableBytes()).isZero();
    }

    @Test
    void hevcIrapGetsItsDelimiterAndVpsSpsPps() {
        AnnexBWriter hevc = new AnnexBWriter(NalSyntax.HEVC, 4, List.of(Hex.bytes("400c01"), Hex.bytes("420101"), Hex.bytes("4401")));
        hevc.write(Hex.buf("00000003 2801af"), out, false); // type 20: IDR_N_LP
        assertThat(Hex.of(out)).isEqualTo(SC + "460150" + SC + "400c01" + SC + "420101" + SC + "4401" + SC + "2801af");
        out.clear();
        hevc.write(Hex.buf("00000003 0201d0" + "00000003 460150"), out, false); // trailing picture, in-band AUD dropped
        assertThat(Hex.of(out)).isEqualTo(SC + "460150" + SC + "0201d0");
    }

    @Test
    void refusesLengthSizeThree() {
        assertThatThrownBy(() -> new AnnexBWriter(NalSyntax.H264, 3, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
