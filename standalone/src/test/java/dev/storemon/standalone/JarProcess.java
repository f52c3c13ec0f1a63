package dev.storemon.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built {@code storemon-standalone.jar} running as its own process, started from the repository root (as
 * {@code ./storemon} does, so that it loads {@code data/sample}), with its output in a log file of its own.
 */
final class JarProcess implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("storemon.repository-root", ".."))
            .toAbsolutePath()
            .normalize();
    static final Path JAR = Path.of(System.getProperty("storemon.standalone-jar", "target/storemon-standalone.jar"));
    private static final Path LOG_DIR = Path.of(System.getProperty("storemon.it-log", "target/standalone-it.log"))
            .toAbsolutePath()
            .getParent();

    private final String name;
    private final Path log;
    private final Process process;

    /** Where this process's output starts in its log file: an earlier run may have written the same file. */
    private final long logStart;

    private JarProcess(String name, Path log, long logStart, Process process) {
        this.name = name;
        this.log = log;
        this.logStart = logStart;
        this.process = process;
    }

    /**
     * @param name      names the log file ({@code target/<name>.log}; appended to when the name is used again)
     * @param arguments the jar's arguments
     */
    static JarProcess start(String name, String... arguments) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run ./mvnw package first");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        Path log = LOG_DIR.resolve(name + ".log");
        try {
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            Process process = new ProcessBuilder(command)
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new JarProcess(name, log, logStart, process);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** @return everything this process has logged so far (not what an earlier process of the same name wrote) */
    String log() throws IOException {
        byte[] all = Files.readAllBytes(log);
        int from = (int) Math.min(logStart, all.length);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as an operator's {@code kill} or Ctrl-C; fails when the process does not stop by itself in time. */
    void stop() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(name + " did not stop within 120 s of SIGTERM; see " + log);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    @Override
    public String toString() {
        return name + " (log " + log + ")";
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
