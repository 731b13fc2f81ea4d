package dev.marquee.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {
    @Test
    void addsUserAndSystemTimeEvenWhenTheNameHasSpacesAndParentheses() {
        String stat = "4242 (Web Content (x)) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 75 0 0 20 0 30 0 123 0 0";
        assertThat(ProcStat.parseCpuSeconds(stat)).isEqualTo(3.25);
    }

    @Test
    void readsItsOwnProcess() {
        assertThat(ProcStat.cpuSeconds(ProcessHandle.current().pid())).isGreaterThanOrEqualTo(0);
        assertThat(ProcStat.cpuSeconds(new long[] {Long.MAX_VALUE})).isEqualTo(-1);
    }
}
