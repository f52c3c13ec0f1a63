package dev.storemon.bench.engine;

import dev.storemon.uptime.Interpolation;
import dev.storemon.uptime.PollSeries;
import dev.storemon.uptime.StoreUptime;
import dev.storemon.uptime.UptimeEngine;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;

/**
 * Stores per CPU-second of one thread, next to stores per wall-clock second: on a machine shared with other work, JMH's
 * wall-clock score drops with the load, while the thread's CPU time shows what one core does. Same stores and the
 * same two variants as {@link EngineBenchmark}. Run: {@code java -cp bench/target/benchmarks.jar dev.storemon.bench.engine.EngineCpuThroughput
 * [seconds per case]}.
 */
public final class EngineCpuThroughput {

    private EngineCpuThroughput() {}

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String now : List.of("2023-01-25T18:13:00Z", "2023-03-14T12:00:00Z")) {
            for (Interpolation mode : Interpolation.values()) {
                for (boolean buildSeries : new boolean[] {false, true}) {
                    Instant at = Instant.parse(now);
                    List<SyntheticStores.Store> stores = SyntheticStores.generate(EngineBenchmark.STORES, at, 42);
                    run(stores, at, mode, buildSeries, seconds * 1_000_000_000L / 2, threads); // warm-up
                    long cpu = threads.getCurrentThreadCpuTime();
                    long wall = System.nanoTime();
                    long count = run(stores, at, mode, buildSeries, seconds * 1_000_000_000L, threads);
                    cpu = threads.getCurrentThreadCpuTime() - cpu;
                    wall = System.nanoTime() - wall;
                    System.out.printf(
                            "%-21s now=%s mode=%-8s %,.0f stores/CPU-s  %,.0f stores/wall-s%n",
                            buildSeries ? "buildSeriesAndCompute" : "compute",
                            now,
                            mode.wireName(),
                            count * 1e9 / cpu,
                            count * 1e9 / wall);
                }
            }
        }
    }

    private static long run(
            List<SyntheticStores.Store> stores,
            Instant now,
            Interpolation mode,
            boolean buildSeries,
            long cpuNanos,
            ThreadMXBean threads) {
        PollSeries.Builder builder = PollSeries.builder();
        long until = threads.getCurrentThreadCpuTime() + cpuNanos;
        long count = 0;
        long checksum = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            UptimeEngine engine = new UptimeEngine(now, mode);
            for (SyntheticStores.Store store : stores) {
                PollSeries polls = store.polls();
                if (buildSeries) {
                    builder.reset();
                    for (int i = 0; i < store.pollMicros().length; i++) {
                        builder.addEpochMicros(store.pollMicros()[i], store.pollActive()[i]);
                    }
                    polls = builder.build();
                }
                StoreUptime row = engine.compute(store.id(), store.zone(), store.schedule(), polls)
                        .orElseThrow();
                checksum += row.uptimeLastWeekNanos();
            }
            count += stores.size();
        }
        if (checksum == 42) {
            System.out.println("(checksum)");
        }
        return count;
    }
}
