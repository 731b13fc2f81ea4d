package dev.marquee.platform.video.internal;

import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.scheduling.cron.Cron;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Registers the recurring job that recounts view totals from the stored view rows. */
@Component
class ViewReconcileSchedule {
    private final JobScheduler jobs;

    ViewReconcileSchedule(JobScheduler jobs) {
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        jobs.<ViewCounter>scheduleRecurrently("reconcile-view-counts", Cron.every15minutes(), ViewCounter::reconcile);
    }
}
