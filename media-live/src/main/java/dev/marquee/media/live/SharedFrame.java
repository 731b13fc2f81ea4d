package dev.marquee.media.live;

import dev.marquee.media.core.flv.FlvTag;
import io.netty.buffer.ByteBuf;
import io.netty.util.AbstractReferenceCounted;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import io.netty.util.ResourceLeakTracker;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * A frame with its encodings, one per form, shared by every group and viewer by reference count. Built on
 * the source's event loop for the forms that have viewers then; a form that shows up later is encoded on
 * first use, once, whichever loop asks first.
 */
final class SharedFrame extends AbstractReferenceCounted implements GroupEvent {
    private static final ResourceLeakDetector<SharedFrame> LEAKS =
            ResourceLeakDetectorFactory.instance().newResourceLeakDetector(SharedFrame.class);
    private static final AtomicReferenceFieldUpdater<SharedFrame, Encoding[]> ENCODINGS =
            AtomicReferenceFieldUpdater.newUpdater(SharedFrame.class, Encoding[].class, "encodings");

    private record Encoding(FrameForm form, ByteBuf bytes) {}

    private final FlvTag tag;
    private final FrameKind kind;
    private final ResourceLeakTracker<SharedFrame> leak;
    private volatile Encoding[] encodings;

    /** Takes over the tag's reference. */
    SharedFrame(FlvTag tag, FrameKind kind, FrameForm[] forms) {
        this.tag = tag;
        this.kind = kind;
        Encoding[] built = new Encoding[forms.length];
        for (int i = 0; i < forms.length; i++) built[i] = new Encoding(forms[i], forms[i].encode(tag));
        this.encodings = built;
        this.leak = LEAKS.track(this);
    }

    FrameKind kind() {
        return kind;
    }

    long timestamp() {
        return tag.timestamp();
    }

    /** The tag's size; what backlogs and caches are measured in. */
    int size() {
        return tag.size();
    }

    /** A view of this frame's bytes in {@code form} that the caller owns; never a copy. */
    ByteBuf retainedView(FrameForm form) {
        return encoded(form).retainedDuplicate();
    }

    /** This frame's bytes in {@code form}, shared: the caller neither releases them nor moves their indexes. */
    ByteBuf bytes(FrameForm form) {
        return encoded(form);
    }

    private ByteBuf encoded(FrameForm form) {
        while (true) {
            Encoding[] current = encodings;
            for (Encoding e : current) {
                if (e.form == form || e.form.equals(form)) return e.bytes;
            }
            // A form nobody watched when the frame was built: encode now and publish; a racing loser releases.
            ByteBuf bytes = form.encode(tag);
            Encoding[] grown = Arrays.copyOf(current, current.length + 1);
            grown[current.length] = new Encoding(form, bytes);
            if (ENCODINGS.compareAndSet(this, current, grown)) return bytes;
            bytes.release();
        }
    }

    @Override
    public SharedFrame retain() {
        super.retain();
        return this;
    }

    @Override
    public SharedFrame touch(Object hint) {
        if (leak != null) leak.record(hint);
        return this;
    }

    @Override
    protected void deallocate() {
        tag.release();
        for (Encoding e : encodings) e.bytes.release();
        if (leak != null) leak.close(this);
    }

    @Override
    public String toString() {
        return "SharedFrame[" + kind + " " + tag + "]";
    }
}
