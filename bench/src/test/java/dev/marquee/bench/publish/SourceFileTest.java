package dev.marquee.bench.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.bench.scan.BenchStamp;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFileTest {
    @TempDir
    Path dir;

    @Test
    void knowsItsLoopAndTheBitrateViewersShouldGet() throws Exception {
        try (SourceFile source = SourceFile.read(TestSource.write(dir))) {
            assertThat(source.loopMillis()).isEqualTo(29 * 33 + 33);
            assertThat(source.nalLengthSize()).isEqualTo(4);
            long plain = 30 * (985 + 15) + 10 * (85 + 15);
            assertThat(source.kbps(false)).isEqualTo(plain * 8.0 / 990);
            assertThat(source.kbps(true)).isEqualTo((plain + 30 * BenchStamp.SIZE) * 8.0 / 990);
        }
    }
}
