package dev.marquee.platform.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegToolsIT {

    @TempDir
    Path dir;

    @Test
    void findsFfmpegAndFfprobeOnThePath() {
        FfmpegTools tools = FfmpegTools.locate(null);

        assertThat(tools.ffmpeg()).isExecutable().hasFileName("ffmpeg");
        assertThat(tools.ffprobe()).isExecutable().hasFileName("ffprobe");
        assertThat(FfmpegTools.locate("  ")).isEqualTo(tools);
    }

    @Test
    void usesTheConfiguredDirectory() {
        Path real = FfmpegTools.locate(null).ffmpeg().getParent();

        assertThat(FfmpegTools.locate(real.toString()).ffmpeg()).isEqualTo(real.resolve("ffmpeg"));
    }

    @Test
    void saysWhenTheConfiguredDirectoryHasNoFfmpeg() {
        assertThatThrownBy(() -> FfmpegTools.locate(dir.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ffmpeg was not found in the configured ffmpeg directory " + dir)
                .hasMessageContaining("apt-get install ffmpeg");
    }

    @Test
    void saysWhichEncoderIsMissing() throws Exception {
        // an ffmpeg built without --enable-libx264
        script("ffmpeg", "echo ' V....D mpeg4                MPEG-4 part 2'; echo ' A....D aac                  AAC'");
        script("ffprobe", "exit 0");

        assertThatThrownBy(() -> FfmpegTools.locate(dir.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lacks the encoder(s) libx264;")
                .hasMessageContaining("--enable-libx264");
    }

    private void script(String name, String body) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
