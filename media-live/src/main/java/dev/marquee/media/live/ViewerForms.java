package dev.marquee.media.live;

import java.util.LinkedHashMap;
import java.util.Map;

/** The forms a source's viewers want, counted, so each new frame is encoded for exactly those. Loop-confined. */
final class ViewerForms {
    private final Map<FrameForm, Integer> viewers = new LinkedHashMap<>();
    private FrameForm[] inUse = new FrameForm[0];

    FrameForm[] inUse() {
        return inUse;
    }

    void add(FrameForm form) {
        if (viewers.merge(form, 1, Integer::sum) == 1) inUse = viewers.keySet().toArray(FrameForm[]::new);
    }

    void remove(FrameForm form) {
        Integer left = viewers.computeIfPresent(form, (f, n) -> n > 1 ? n - 1 : null);
        if (left == null) inUse = viewers.keySet().toArray(FrameForm[]::new);
    }

    void clear() {
        viewers.clear();
        inUse = new FrameForm[0];
    }
}
