package dev.marquee.media.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.server.spi.StreamLifecycleListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StreamLifecycleBridgeTest {
    @Test
    void callsArriveInOrderOffTheCallersThreadWithViewerBurstsCoalescedToTheirPeakAndLatest() throws InterruptedException {
        List<String> calls = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        String caller = Thread.currentThread().getName();
        StreamLifecycleBridge bridge = new StreamLifecycleBridge(new StreamLifecycleListener() {
            @Override
            public void streamStarted(String name) {
                calls.add("started " + name + (Thread.currentThread().getName().equals(caller) ? " on caller" : ""));
                try {
                    release.await(5, TimeUnit.SECONDS); // a slow control plane: the caller must not wait
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void streamEnded(String name) {
                calls.add("ended " + name);
                ended.countDown();
            }

            @Override
            public void viewersChanged(String name, int viewers) {
                calls.add("viewers " + name + " " + viewers);
            }
        });
        bridge.streamStarted("alice");
        for (int i = 1; i <= 100; i++) bridge.viewersChanged("alice", i);
        bridge.viewersChanged("bob", 3);
        for (int i = 99; i >= 40; i--) bridge.viewersChanged("alice", i); // still the same burst: 100 was its peak
        bridge.streamEnded("alice");
        release.countDown();
        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
        bridge.close();
        assertThat(calls).containsExactly("started alice", "viewers alice 100", "viewers alice 40", "viewers bob 3",
                "ended alice");
    }
}
