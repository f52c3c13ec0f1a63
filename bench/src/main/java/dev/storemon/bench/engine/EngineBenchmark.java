package dev.storemon.bench.engine;

import dev.storemon.uptime.Interpolation;
import dev.storemon.uptime.PollSeries;
import dev.storemon.uptime.UptimeEngine;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The uptime engine alone, one thread: one operation is one store, so the score is stores per second. A store has
 * ~130 polls and a realistic schedule ({@link SyntheticStores}). {@code now} is either an ordinary week or a week with
 * the US spring-forward in it (the engine's slow path for zones that change offset).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
        value = 3,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmark {

    static final int STORES = 4096;

    @Param({"2023-01-25T18:13:00Z", "2023-03-14T12:00:00Z"})
    public String now;

    @Param({"nearest", "previous"})
    public String mode;

    private List<SyntheticStores.Store> stores;
    private Instant nowInstant;
    private Interpolation interpolation;
    private final PollSeries.Builder builder = PollSeries.builder();

    @Setup
    public void setUp() {
        nowInstant = Instant.parse(now);
        interpolation = Interpolation.parse(mode);
        stores = SyntheticStores.generate(STORES, nowInstant, 42);
    }

    /** The engine on ready-made poll series: what {@code compute} costs. */
    @Benchmark
    @OperationsPerInvocation(STORES)
    public void compute(Blackhole out) {
        UptimeEngine engine = new UptimeEngine(nowInstant, interpolation);
        for (SyntheticStores.Store store : stores) {
            out.consume(engine.compute(store.id(), store.zone(), store.schedule(), store.polls()));
        }
    }

    /** As a report worker runs it: the poll series built from raw rows first, with one reused builder. */
    @Benchmark
    @OperationsPerInvocation(STORES)
    public void buildSeriesAndCompute(Blackhole out) {
        UptimeEngine engine = new UptimeEngine(nowInstant, interpolation);
        for (SyntheticStores.Store store : stores) {
            builder.reset();
            long[] micros = store.pollMicros();
            boolean[] active = store.pollActive();
            for (int i = 0; i < micros.length; i++) {
                builder.addEpochMicros(micros[i], active[i]);
            }
            out.consume(engine.compute(store.id(), store.zone(), store.schedule(), builder.build()));
        }
    }
}
