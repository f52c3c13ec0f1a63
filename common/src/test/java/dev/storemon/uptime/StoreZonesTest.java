package dev.storemon.uptime;

import static dev.storemon.uptime.Fixture.UTC;
import static dev.storemon.uptime.Fixture.line;
import static dev.storemon.uptime.Fixture.polls;
import static dev.storemon.uptime.Fixture.row;
import static dev.storemon.uptime.Fixture.schedule;
import static dev.storemon.uptime.Interpolation.NEAREST;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Rule 5: a missing or unknown zone means America/Chicago. */
class StoreZonesTest {

    @Test
    void missingOrUnknownZonesAreChicago() {
        assertThat(StoreZones.DEFAULT).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(StoreZones.resolve(null)).isEqualTo(StoreZones.DEFAULT);
        assertThat(StoreZones.resolve("")).isEqualTo(StoreZones.DEFAULT);
        assertThat(StoreZones.resolve("   ")).isEqualTo(StoreZones.DEFAULT);
        assertThat(StoreZones.resolve("Mars/Olympus_Mons")).isEqualTo(StoreZones.DEFAULT);
        assertThat(StoreZones.parse("Mars/Olympus_Mons")).isEmpty();
    }

    @Test
    void knownZonesAreKept() {
        assertThat(StoreZones.resolve(" America/New_York ")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(StoreZones.resolve("Asia/Kolkata")).isEqualTo(ZoneId.of("Asia/Kolkata"));
    }

    @Test
    void aStoreInAnUnknownZoneIsComputedInChicago() {
        // Monday 09:00-12:00 local, one active poll, now 2023-01-16 18:30Z.
        // Chicago (UTC-6): business 15:00Z-18:00Z. Hour [17:30Z, 18:30Z): 30 min. Day and week: 3 h.
        // Read as UTC the business hours would be 09:00Z-12:00Z, and the hour would be 0.
        WeeklySchedule mondayMorning = schedule(row(0, "09:00", "12:00"));
        PollSeries active = polls("2023-01-16T17:00:00Z", true);
        assertThat(line("2023-01-16T18:30:00Z", NEAREST, StoreZones.resolve("Not/AZone"), mondayMorning, active))
                .isEqualTo("s,30.00,3.00,3.00,0.00,0.00,0.00");
        assertThat(line("2023-01-16T18:30:00Z", NEAREST, UTC, mondayMorning, active))
                .isEqualTo("s,0.00,3.00,3.00,0.00,0.00,0.00");
    }
}
