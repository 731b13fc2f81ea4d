package dev.marquee.platform.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoomTest {
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        ticker.shutdownNow();
    }

    @Test
    void aQuietRoomWakesAtOnceAndABusyOneAtMostOncePerInterval() throws Exception {
        Room room = new Room("r", ticker, Duration.ofSeconds(2));
        AtomicInteger wakes = new AtomicInteger();
        room.listen(wakes::incrementAndGet);

        room.publish(new RoomFrame("{\"n\":0}"));
        assertThat(wakes.get()).as("the first frame goes out at once").isEqualTo(1);
        for (int i = 1; i <= 20; i++) room.publish(new RoomFrame("{\"n\":" + i + "}"));
        assertThat(wakes.get()).as("the burst waits for the interval").isEqualTo(1);
        Thread.sleep(3000);
        assertThat(wakes.get()).as("one wake-up carries the whole burst").isEqualTo(2);
        assertThat(room.end()).isEqualTo(21);
        assertThat(room.frame(20).json()).isEqualTo("{\"n\":20}");
    }

    @Test
    void aReaderAWholeRingBehindSeesItsFramesAsGone() {
        Room room = new Room("r", ticker, Duration.ofMillis(1));
        for (int i = 0; i < Room.RING + 5; i++) room.publish(new RoomFrame("{\"n\":" + i + "}"));
        assertThat(room.frame(0)).isNull();
        assertThat(room.frame(4)).isNull();
        assertThat(room.frame(5).json()).isEqualTo("{\"n\":5}");
        assertThat(room.frame(Room.RING + 4).json()).isEqualTo("{\"n\":" + (Room.RING + 4) + "}");
    }
}
