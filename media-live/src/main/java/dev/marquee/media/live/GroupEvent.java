package dev.marquee.media.live;

/** What a source hands a consumer group through its inbox, in order: frames and changes to the group. */
sealed interface GroupEvent permits SharedFrame, GroupEvent.Join, GroupEvent.Gap, GroupEvent.SessionEnded, GroupEvent.End,
        GroupEvent.Close {

    /** A viewer joins; it starts at the newest keyframe the group holds, or waits for the next one. */
    record Join(LiveConsumer consumer) implements GroupEvent {}

    /** The source dropped {@code frames} frames for this group (its loop fell behind); re-seeding follows. */
    record Gap(long frames) implements GroupEvent {}

    /** The publisher left: a viewer joining now waits for the next session's keyframe, not the old GOP. */
    record SessionEnded() implements GroupEvent {}

    /** The stream ended: write what can be written, tell every viewer, release everything. */
    record End() implements GroupEvent {}

    /** The group lost its last viewer: release everything. */
    record Close() implements GroupEvent {}
}
