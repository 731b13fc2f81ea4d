package dev.marquee.platform.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import dev.marquee.platform.transcode.internal.VariantPlaylist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LadderTranscoderIT {

    private static final Pattern STREAM_INF = Pattern.compile(
            "#EXT-X-STREAM-INF:BANDWIDTH=(\\d+),AVERAGE-BANDWIDTH=\\d+,RESOLUTION=(\\d+)x(\\d+),FRAME-RATE=[\\d.]+,"
                    + "CODECS=\"([^\"]+)\"");
    private static final Pattern XYWH = Pattern.compile("^(storyboard/sprite-\\d+\\.jpg)#xywh=(\\d+),(\\d+),(\\d+),(\\d+)$");

    @TempDir
    static Path dir;
    static FfmpegTools tools;
    static TestClips clips;

    @BeforeAll
    static void setUp() throws IOException {
        tools = FfmpegTools.locate(null);
        clips = new TestClips(tools, Files.createDirectories(dir.resolve("clips")));
    }

    static Stream<Arguments> inputs() {
        return Stream.of(
                input("landscape 1280x720 with audio", TestClips::landscape, 1280, 720, true),
                input("portrait 720x1280", TestClips::portrait, 720, 1280, true),
                input("odd size 641x359 in 4:4:4", TestClips::oddSize, 641, 359, true),
                input("no audio track", TestClips::noAudio, 320, 240, false),
                input("10-bit HEVC", TestClips::hevc10, 480, 270, true),
                input("VP9 and Opus in WebM", TestClips::vp9, 320, 240, true),
                input("AV1", TestClips::av1, 256, 144, false),
                input("rotated 90 degrees", TestClips::rotated, 240, 320, true),
                input("variable frame rate", TestClips::variableFrameRate, 320, 240, true));
    }

    private static Arguments input(String name, Function<TestClips, Path> clip, int width, int height, boolean audio) {
        return Arguments.of(name, clip, width, height, audio);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void encodesAPlayableLadder(String name, Function<TestClips, Path> clip, int width, int height, boolean audio)
            throws Exception {
        Path input = clip.apply(clips);
        ProbeResult probe = new MediaProber(tools).probe(input);
        assertThat(probe.width()).isEqualTo(width);
        assertThat(probe.height()).isEqualTo(height);
        Path out = dir.resolve("out-" + input.getFileName());
        List<Integer> progress = new ArrayList<>();

        TranscodeResult result = new LadderTranscoder(tools).transcode(input, probe, out, progress::add);

        assertThat(progress).isSorted().doesNotHaveDuplicates().endsWith(100);
        assertThat(result.durationSeconds()).isCloseTo(probe.durationSeconds(), offset(0.2));
        List<LadderPlan.Rung> rungs = LadderPlan.of(probe).rungs();
        assertThat(result.renditions()).extracting(Rendition::width, Rendition::height)
                .containsExactlyElementsOf(rungs.stream()
                        .map(r -> tuple(r.width(), r.height())).toList());
        for (Rendition rendition : result.renditions()) {
            assertThat(rendition.height() > rendition.width()).as("orientation").isEqualTo(height > width);
            assertThat(rendition.width() % 2 + rendition.height() % 2).as("even size").isZero();
        }
        assertMasterPlaylist(out, result, audio);
        assertVariantsAlignedAndComplete(out, result);
        assertRungIsHighProfileH264(out, result.renditions().get(0), audio);
        assertRungIsHighProfileH264(out, result.renditions().get(result.renditions().size() - 1), audio);
        assertPoster(out.resolve(result.poster()), width, height);
        assertStoryboard(out, result.storyboard());
    }

    @Test
    void makesVariableFrameRateConstant() throws Exception {
        Path input = clips.variableFrameRate();
        ProbeResult probe = new MediaProber(tools).probe(input);
        Path out = dir.resolve("out-vfr-check");

        TranscodeResult result = new LadderTranscoder(tools).transcode(input, probe, out, p -> { });

        Path rung = joinedFirstSegments(out, result.renditions().get(0));
        String rates = clips.ffprobe(rung, "-select_streams", "v:0", "-count_frames",
                "-show_entries", "stream=r_frame_rate,avg_frame_rate,nb_read_frames", "-of", "default=nw=1");
        assertThat(rates).contains("r_frame_rate=30/1").contains("avg_frame_rate=30/1");
    }

    @Test
    void failureQuotesFfmpegAndLeavesNothingBehind() throws Exception {
        ProbeResult probe = new MediaProber(tools).probe(clips.noAudio());
        Path out = Files.createDirectories(dir.resolve("out-failed"));
        Files.writeString(out.resolve("keep.txt"), "the caller's file");

        assertThatThrownBy(() -> new LadderTranscoder(tools).transcode(clips.textNamedMp4(), probe, out, p -> { }))
                .isInstanceOf(TranscodeException.class)
                .hasMessageContaining("ffmpeg failed")
                .hasMessageContaining("notes.mp4");
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("keep.txt");
        }
    }

    @Test
    void anInterruptStopsFfmpegAndLeavesNothingBehind() throws Exception {
        Path input = clips.landscape();
        ProbeResult probe = new MediaProber(tools).probe(input);
        Path out = dir.resolve("out-interrupted");
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread job = new Thread(() -> {
            try {
                new LadderTranscoder(tools).transcode(input, probe, out, p -> started.countDown());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        job.start();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        job.interrupt();
        job.join(30_000);

        assertThat(job.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(TranscodeException.class).hasMessageContaining("interrupted");
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void ffmpegRunsBelowTheServersPriority() throws Exception {
        Path input = clips.landscape();
        ProbeResult probe = new MediaProber(tools).probe(input);
        AtomicReference<Integer> niceness = new AtomicReference<>();
        new LadderTranscoder(tools, TranscodeOptions.defaults().withNiceness(7)).transcode(input, probe, dir.resolve("out-niced"), p -> {
            // progress past 0 comes from ffmpeg itself: it is running, so read its priority now
            if (p > 0 && niceness.get() == null) {
                ProcessHandle.current().children().filter(h -> h.info().command().orElse("").endsWith("ffmpeg"))
                        .findFirst().ifPresent(ffmpeg -> niceness.set(niceOf(ffmpeg.pid())));
            }
        });

        assertThat(niceness.get()).as("nice value of the running ffmpeg")
                .isEqualTo(Math.min(19, niceOf(ProcessHandle.current().pid()) + 7));
    }

    /** Field 19 of /proc/PID/stat, after the parenthesised command name. */
    private static int niceOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertMasterPlaylist(Path out, TranscodeResult result, boolean audio) throws IOException {
        List<String> master = Files.readAllLines(out.resolve(result.masterPlaylist()));
        assertThat(master.stream().filter(l -> l.startsWith("#EXT-X-STREAM-INF"))).hasSameSizeAs(result.renditions());
        for (Rendition rendition : result.renditions()) {
            String variant = master.get(master.indexOf(rendition.playlist()) - 1);
            Matcher m = STREAM_INF.matcher(variant);
            assertThat(m.find()).as(variant).isTrue();
            assertThat(Long.parseLong(m.group(1))).isEqualTo(rendition.bandwidth()).isPositive();
            assertThat(m.group(2) + "x" + m.group(3)).isEqualTo(rendition.width() + "x" + rendition.height());
            assertThat(m.group(4)).startsWith("avc1.64");
            assertThat(m.group(4).endsWith(",mp4a.40.2")).isEqualTo(audio);
        }
    }

    private static void assertVariantsAlignedAndComplete(Path out, TranscodeResult result) throws IOException {
        List<List<Double>> durations = new ArrayList<>();
        for (Rendition rendition : result.renditions()) {
            Path playlist = out.resolve(rendition.playlist());
            VariantPlaylist variant = VariantPlaylist.read(playlist);
            assertThat(variant.complete()).isTrue();
            assertThat(playlist.resolveSibling(variant.init())).isRegularFile();
            for (VariantPlaylist.Segment segment : variant.segments()) {
                assertThat(playlist.resolveSibling(segment.uri())).isRegularFile();
                assertThat(segment.seconds()).isLessThanOrEqualTo(4.5);
            }
            durations.add(variant.segments().stream().map(VariantPlaylist.Segment::seconds).toList());
        }
        // same keyframes in every rung: same segment boundaries
        assertThat(durations).allSatisfy(d -> assertThat(d).isEqualTo(durations.get(0)));
    }

    private static void assertRungIsHighProfileH264(Path out, Rendition rendition, boolean audio) throws IOException {
        Path joined = joinedFirstSegments(out, rendition);
        String video = clips.ffprobe(joined, "-select_streams", "v", "-show_entries",
                "stream=codec_name,profile,width,height,pix_fmt", "-of", "default=nw=1");
        assertThat(video).contains("codec_name=h264", "profile=High", "pix_fmt=yuv420p",
                "width=" + rendition.width(), "height=" + rendition.height());
        String audioStreams = clips.ffprobe(joined, "-select_streams", "a", "-show_entries", "stream=codec_name",
                "-of", "default=nw=1");
        assertThat(audioStreams.strip()).isEqualTo(audio ? "codec_name=aac" : "");
    }

    private static Path joinedFirstSegments(Path out, Rendition rendition) throws IOException {
        Path playlist = out.resolve(rendition.playlist());
        VariantPlaylist variant = VariantPlaylist.read(playlist);
        Path joined = Files.createTempFile(dir, "rung", ".mp4");
        Files.write(joined, Files.readAllBytes(playlist.resolveSibling(variant.init())));
        Files.write(joined, Files.readAllBytes(playlist.resolveSibling(variant.segments().get(0).uri())),
                StandardOpenOption.APPEND);
        return joined;
    }

    private static void assertPoster(Path poster, int width, int height) {
        assertThat(poster).isRegularFile();
        int[] size = imageSize(poster);
        assertThat(size[0]).isLessThanOrEqualTo(1280);
        assertThat((double) size[0] / size[1]).isCloseTo((double) width / height,
                offset(0.03));
    }

    private static void assertStoryboard(Path out, String vttName) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve(vttName));
        assertThat(lines.get(0)).isEqualTo("WEBVTT");
        List<String> cues = lines.stream().filter(l -> l.contains("#xywh=")).toList();
        assertThat(cues).isNotEmpty();
        assertThat(lines.stream().filter(l -> l.contains(" --> "))).hasSameSizeAs(cues);
        Map<String, int[]> sheets = new HashMap<>();
        for (String cue : cues) {
            Matcher m = XYWH.matcher(cue);
            assertThat(m.matches()).as(cue).isTrue();
            Path sprite = out.resolve(vttName).resolveSibling(m.group(1));
            assertThat(sprite).isRegularFile();
            int[] size = sheets.computeIfAbsent(m.group(1), k -> imageSize(sprite));
            int x = Integer.parseInt(m.group(2));
            int y = Integer.parseInt(m.group(3));
            assertThat(x + Integer.parseInt(m.group(4))).as(cue).isLessThanOrEqualTo(size[0]);
            assertThat(y + Integer.parseInt(m.group(5))).as(cue).isLessThanOrEqualTo(size[1]);
        }
    }

    private static int[] imageSize(Path image) {
        String[] wh = clips.ffprobe(image, "-show_entries", "stream=width,height", "-of", "csv=p=0:s=x")
                .strip().split("x");
        return new int[] {Integer.parseInt(wh[0]), Integer.parseInt(wh[1])};
    }
}
