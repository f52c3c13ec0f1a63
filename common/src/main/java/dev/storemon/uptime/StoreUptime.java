package dev.storemon.uptime;

import java.math.BigDecimal;

/**
 * One store's figures: business time inside each window split into up and down, exact in nanoseconds. The report
 * shows them rounded half-up to 2 decimals: the last hour in minutes, the last day and week in hours.
 *
 * @param storeId              the store
 * @param uptimeLastHourNanos  active business time in {@code [now - 1h, now)}
 * @param uptimeLastDayNanos   active business time in {@code [now - 24h, now)}
 * @param uptimeLastWeekNanos  active business time in {@code [now - 7d, now)}
 * @param downtimeLastHourNanos inactive business time in {@code [now - 1h, now)}
 * @param downtimeLastDayNanos  inactive business time in {@code [now - 24h, now)}
 * @param downtimeLastWeekNanos inactive business time in {@code [now - 7d, now)}
 */
public record StoreUptime(
        String storeId,
        long uptimeLastHourNanos,
        long uptimeLastDayNanos,
        long uptimeLastWeekNanos,
        long downtimeLastHourNanos,
        long downtimeLastDayNanos,
        long downtimeLastWeekNanos) {

    private static final long MINUTE_HUNDREDTH_NANOS = 600_000_000L;
    private static final long HOUR_HUNDREDTH_NANOS = 36_000_000_000L;

    /** @return uptime in the last hour, minutes, 2 decimals */
    public BigDecimal uptimeLastHour() {
        return rounded(uptimeLastHourNanos, MINUTE_HUNDREDTH_NANOS);
    }

    /** @return uptime in the last day, hours, 2 decimals */
    public BigDecimal uptimeLastDay() {
        return rounded(uptimeLastDayNanos, HOUR_HUNDREDTH_NANOS);
    }

    /** @return uptime in the last week, hours, 2 decimals */
    public BigDecimal uptimeLastWeek() {
        return rounded(uptimeLastWeekNanos, HOUR_HUNDREDTH_NANOS);
    }

    /** @return downtime in the last hour, minutes, 2 decimals */
    public BigDecimal downtimeLastHour() {
        return rounded(downtimeLastHourNanos, MINUTE_HUNDREDTH_NANOS);
    }

    /** @return downtime in the last day, hours, 2 decimals */
    public BigDecimal downtimeLastDay() {
        return rounded(downtimeLastDayNanos, HOUR_HUNDREDTH_NANOS);
    }

    /** @return downtime in the last week, hours, 2 decimals */
    public BigDecimal downtimeLastWeek() {
        return rounded(downtimeLastWeekNanos, HOUR_HUNDREDTH_NANOS);
    }

    private static BigDecimal rounded(long nanos, long hundredthNanos) {
        // Half-up on non-negative values: add half a unit, then truncate. Both divisors are even.
        return BigDecimal.valueOf((nanos + hundredthNanos / 2) / hundredthNanos, 2);
    }
}
