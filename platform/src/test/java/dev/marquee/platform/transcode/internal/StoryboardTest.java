package dev.marquee.platform.transcode.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryboardTest {

    @Test
    void aShortClipGetsOneThumbnailASecondInOneRow() {
        Storyboard board = Storyboard.plan(5.0, 1280, 720);

        assertThat(board).isEqualTo(new Storyboard(1, 5, 160, 90, 5, 1));
        assertThat(board.filter()).isEqualTo("fps=1/1,scale=160:90,setsar=1,tile=5x1");
    }

    @Test
    void aLongVideoGetsAtMostAHundredThumbnailsOnATenByTenSheet() {
        Storyboard board = Storyboard.plan(3600.0, 1920, 1080);

        assertThat(board.intervalSeconds()).isEqualTo(36);
        assertThat(board.count()).isEqualTo(100);
        assertThat(board.columns()).isEqualTo(10);
        assertThat(board.rows()).isEqualTo(10);
        assertThat(board.sheetWidth()).isEqualTo(1600);
        assertThat(board.sheetHeight()).isEqualTo(900);
        assertThat(Storyboard.plan(61.0, 1920, 1080).count()).isEqualTo(61);
        assertThat(Storyboard.plan(150.0, 1920, 1080).count()).isEqualTo(75);
    }

    @Test
    void portraitThumbnailsAreTallAndTinySourcesAreNotEnlarged() {
        assertThat(Storyboard.plan(10, 1080, 1920)).extracting(Storyboard::thumbWidth, Storyboard::thumbHeight)
                .containsExactly(160, 284);
        assertThat(Storyboard.plan(10, 100, 50)).extracting(Storyboard::thumbWidth, Storyboard::thumbHeight)
                .containsExactly(100, 50);
    }

    @Test
    void writesCuesPointingAtTheirTile() {
        Storyboard board = Storyboard.plan(25.0, 1280, 720);

        String vtt = board.vtt(24.5, sheet -> true);

        assertThat(board.columns()).isEqualTo(10);
        assertThat(vtt).startsWith("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nstoryboard/sprite-0.jpg#xywh=0,0,160,90\n")
                .contains("00:00:11.000 --> 00:00:12.000\nstoryboard/sprite-0.jpg#xywh=160,90,160,90\n")
                .endsWith("00:00:24.000 --> 00:00:24.500\nstoryboard/sprite-0.jpg#xywh=640,180,160,90\n");
        assertThat(vtt.lines().filter(l -> l.contains("-->"))).hasSize(25);
    }

    @Test
    void leavesOutCuesOfSheetsFfmpegDidNotWrite() {
        Storyboard board = new Storyboard(1, 8, 160, 90, 2, 2);

        String vtt = board.vtt(8, sheet -> sheet == 0);

        assertThat(vtt.lines().filter(l -> l.contains("-->"))).hasSize(4);
        assertThat(vtt).doesNotContain("sprite-1");
    }

    @Test
    void formatsHoursMinutesSecondsAndMillis() {
        assertThat(Storyboard.timestamp(3723.4567)).isEqualTo("01:02:03.457");
        assertThat(Storyboard.timestamp(0)).isEqualTo("00:00:00.000");
    }
}
