package dev.marquee.media.hls.fmp4;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The samples of one media segment, per track, written as one {@code moof} + {@code mdat} when the segment is
 * complete: each track's run gives every sample's duration (from the next sample's decode time, the last one's
 * from the segment's end), size, sync flag and composition offset.
 */
public final class Fragment {
    private static final int SYNC = 0x02000000; // sample_depends_on = 2: needs no other picture
    private static final int NON_SYNC = 0x01010000; // depends on others, sample_is_non_sync_sample
    private static final int TRUN_FLAGS = 0x000001 | 0x000100 | 0x000200 | 0x000400 | 0x000800;
    private static final int DEFAULT_BASE_IS_MOOF = 0x020000;

    private final List<Run> runs = new ArrayList<>();

    public Fragment(List<Fmp4Track> tracks) {
        for (Fmp4Track t : tracks) runs.add(new Run(t));
    }

    /** Adds one sample (copied) to the track at this index; times in the track's timescale. */
    public void add(int track, ByteBuf sample, long dts, int compositionOffset, boolean sync) {
        runs.get(track).add(sample, dts, compositionOffset, sync);
    }

    /** The decode time the track's next sample would follow on from, or -1 before its first. */
    public long lastDts(int track) {
        return runs.get(track).lastDts();
    }

    public int pendingBytes() {
        return runs.stream().mapToInt(r -> r.data.readableBytes()).sum();
    }

    public boolean isEmpty() {
        return runs.stream().allMatch(r -> r.count == 0);
    }

    /**
     * The moof and mdat of everything added since the last build or clear, then clears.
     *
     * @param endDts per track, where its last sample ends (its next sample's decode time); -1 when unknown, and
     *               the last sample then lasts as long as the one before it
     */
    public byte[] build(long sequence, long[] endDts) {
        ByteBuf out = Unpooled.buffer(pendingBytes() + 256 + 16 * runs.stream().mapToInt(r -> r.count).sum());
        Mp4Writer w = new Mp4Writer(out);
        int moofStart = out.writerIndex();
        w.box("moof");
        w.fullBox("mfhd", 0, 0).u32(sequence).end();
        int[] offsetFields = new int[runs.size()];
        Arrays.fill(offsetFields, -1);
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            if (r.count == 0) continue;
            w.box("traf");
            w.fullBox("tfhd", 0, DEFAULT_BASE_IS_MOOF).u32(r.track.id()).end();
            w.fullBox("tfdt", 1, 0).u64(r.dts[0]).end();
            w.fullBox("trun", 1, TRUN_FLAGS).u32(r.count);
            offsetFields[i] = out.writerIndex();
            w.u32(0);
            for (int s = 0; s < r.count; s++) {
                w.u32(r.duration(s, endDts[i])).u32(r.sizes[s]).u32(r.sync[s] ? SYNC : NON_SYNC).u32(r.cto[s]);
            }
            w.end().end();
        }
        w.end(); // moof
        int moofSize = out.writerIndex() - moofStart;
        w.box("mdat");
        int dataOffset = moofSize + 8;
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            if (r.count == 0) continue;
            out.setInt(offsetFields[i], dataOffset);
            dataOffset += r.data.readableBytes();
            out.writeBytes(r.data, r.data.readerIndex(), r.data.readableBytes());
        }
        w.end();
        byte[] bytes = ByteBufUtil.getBytes(out);
        out.release();
        clear();
        return bytes;
    }

    public void clear() {
        runs.forEach(Run::clear);
    }

    public void release() {
        runs.forEach(r -> r.data.release());
    }

    /** One track's samples so far. */
    private static final class Run {
        final Fmp4Track track;
        final ByteBuf data = Unpooled.buffer(64 * 1024);
        long[] dts = new long[64];
        int[] sizes = new int[64];
        int[] cto = new int[64];
        boolean[] sync = new boolean[64];
        int count;

        Run(Fmp4Track track) {
            this.track = track;
        }

        void add(ByteBuf sample, long decodeTime, int compositionOffset, boolean isSync) {
            if (count == dts.length) {
                int n = count * 2;
                dts = Arrays.copyOf(dts, n);
                sizes = Arrays.copyOf(sizes, n);
                cto = Arrays.copyOf(cto, n);
                sync = Arrays.copyOf(sync, n);
            }
            dts[count] = decodeTime;
            sizes[count] = sample.readableBytes();
            cto[count] = compositionOffset;
            sync[count] = isSync;
            count++;
            data.writeBytes(sample, sample.readerIndex(), sample.readableBytes());
        }

        long lastDts() {
            return count == 0 ? -1 : dts[count - 1];
        }

        long duration(int s, long end) {
            if (s + 1 < count) return Math.max(0, dts[s + 1] - dts[s]);
            if (end > dts[s]) return end - dts[s];
            return s > 0 ? Math.max(0, dts[s] - dts[s - 1]) : 0;
        }

        void clear() {
            data.clear();
            count = 0;
        }
    }
}
