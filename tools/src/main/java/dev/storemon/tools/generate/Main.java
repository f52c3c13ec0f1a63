package dev.storemon.tools.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Command line: {@code java -cp tools/target/tools-0.1.0-SNAPSHOT.jar dev.storemon.tools.generate.Main --stores 14000
 * --days 7 --seed 42 --out DIR [--end 2023-01-25T12:00:00Z] [--uuids]}.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws IOException {
        int stores = 14_000;
        int days = 7;
        long seed = 42;
        Instant end = GeneratorOptions.DEFAULT_END;
        boolean uuids = false;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--stores" -> stores = Integer.parseInt(value(args, ++i, arg));
                case "--days" -> days = Integer.parseInt(value(args, ++i, arg));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
                case "--end" -> end = Instant.parse(value(args, ++i, arg));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--uuids" -> uuids = true;
                default -> usage("unknown argument " + arg);
            }
        }
        if (out == null) {
            usage("--out DIR is required");
        }
        long started = System.nanoTime();
        DataGenerator.Summary summary =
                new DataGenerator(new GeneratorOptions(stores, days, seed, end, uuids)).writeTo(out);
        System.out.printf(
                "wrote %d stores, %d polls, %d business-hours rows, %d zone rows to %s in %d ms%n",
                summary.stores(),
                summary.polls(),
                summary.hoursRows(),
                summary.zoneRows(),
                out.toAbsolutePath(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            usage(name + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: Main --out DIR [--stores 14000] [--days 7] [--seed 42] [--end 2023-01-25T12:00:00Z]"
                + " [--uuids]");
        System.exit(2);
    }
}
