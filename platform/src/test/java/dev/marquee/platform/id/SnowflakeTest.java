package dev.marquee.platform.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class SnowflakeTest {

    /** A clock that runs forward and, every so often, jumps back by up to 5 ms (as NTP may). */
    static final class SteppingBackClock implements LongSupplier {
        private final AtomicLong calls = new AtomicLong();
        private final long start = System.currentTimeMillis();

        @Override
        public long getAsLong() {
            long n = calls.incrementAndGet();
            long real = System.currentTimeMillis();
            return n % 997 == 0 ? real - 5 : (n % 499 == 0 ? real - 2 : Math.max(real, start));
        }
    }

    @Test
    void manyThreadsNeverGetTheSameIdEvenWhenTheClockJumpsBack() throws Exception {
        Snowflake ids = new Snowflake(7, new SteppingBackClock());
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        int threads = 8, perThread = 25_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                long previous = Long.MIN_VALUE;
                for (int i = 0; i < perThread; i++) {
                    long id = ids.next();
                    if (id <= previous || !seen.add(id)) return false; // per-thread order and global uniqueness
                    previous = id;
                }
                return true;
            }));
        }
        for (Future<Boolean> r : results) assertThat(r.get(60, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        assertThat(seen).hasSize(threads * perThread);
    }

    @Test
    void aClockThatStepsBackIsWaitedOut() {
        long[] now = {Snowflake.EPOCH_MILLIS + 10_000};
        int[] reads = {0};
        Snowflake ids = new Snowflake(1, () -> {
            reads[0]++;
            if (reads[0] == 2) return now[0] - 3; // stepped back once, then recovers
            return now[0] + (reads[0] > 2 ? 1 : 0);
        });
        long first = ids.next();
        long second = ids.next();
        assertThat(second).isGreaterThan(first);
        assertThat(reads[0]).isGreaterThan(2); // it read the clock again instead of issuing at the old time
    }

    @Test
    void idsCarryTheNodeAndTime() {
        Snowflake ids = new Snowflake(1023, () -> Snowflake.EPOCH_MILLIS + 1234);
        long id = ids.next();
        assertThat((id >> Snowflake.SEQUENCE_BITS) & Snowflake.MAX_NODE).isEqualTo(1023);
        assertThat(id >>> (Snowflake.NODE_BITS + Snowflake.SEQUENCE_BITS)).isEqualTo(1234);
    }

    @Test
    void nodeIdMustFitTenBits() {
        assertThatThrownBy(() -> new Snowflake(1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Snowflake(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publicIdsAreElevenUrlSafeCharactersAndRoundTrip() {
        Snowflake ids = new Snowflake(3);
        for (int i = 0; i < 1000; i++) {
            long id = ids.next();
            String text = PublicId.encode(id);
            assertThat(text).hasSize(11).matches("[A-Za-z0-9_-]{11}");
            assertThat(PublicId.decode(text)).contains(id);
        }
    }

    @Test
    void onlyTheCanonicalSpellingDecodes() {
        String text = PublicId.encode(123456789L);
        char last = text.charAt(10);
        String sibling = text.substring(0, 10) + (char) (last + 1); // same 64 bits, different spare bits
        assertThat(PublicId.decode(sibling)).isEmpty();
        assertThat(PublicId.decode("short")).isEmpty();
        assertThat(PublicId.decode("abc/efgh+jk")).isEmpty();
        assertThat(PublicId.decode(null)).isEmpty();
    }
}
