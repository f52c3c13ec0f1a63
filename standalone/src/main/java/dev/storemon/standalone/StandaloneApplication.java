package dev.storemon.standalone;

/** Everything in one JVM: embedded Postgres, in-process KRaft broker, the three services. (Filled in by issue 5.) */
public final class StandaloneApplication {

    private StandaloneApplication() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("standalone mode is not built yet (issue 5)");
    }
}
