package dev.marquee.media.live;

import java.util.ArrayList;
import java.util.List;

/** Remembers stream events as text, e.g. {@code started a}, {@code viewers a 3}, {@code ended a}. */
final class RecordingListener implements StreamListener {
    private final List<String> events = new ArrayList<>();

    @Override
    public synchronized void streamStarted(String name) {
        events.add("started " + name);
    }

    @Override
    public synchronized void streamEnded(String name) {
        events.add("ended " + name);
    }

    @Override
    public synchronized void viewersChanged(String name, int viewers) {
        events.add("viewers " + name + " " + viewers);
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }
}
