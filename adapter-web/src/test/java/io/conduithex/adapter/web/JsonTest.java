package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Stamped(Instant createdAt) {
    }

    @Test
    void anInstantOnAWholeSecondIsWrittenWithThreeZeroFractionDigits() {
        assertThat(written(Instant.parse("2016-02-18T03:22:56Z")))
                .isEqualTo("{\"createdAt\":\"2016-02-18T03:22:56.000Z\"}");
    }

    @Test
    void anInstantIsWrittenToTheMillisecondAndFinerDigitsAreDropped() {
        assertThat(written(Instant.parse("2016-02-18T03:22:56.637999999Z")))
                .isEqualTo("{\"createdAt\":\"2016-02-18T03:22:56.637Z\"}");
        assertThat(written(Instant.parse("2016-02-18T03:22:56.1Z")))
                .isEqualTo("{\"createdAt\":\"2016-02-18T03:22:56.100Z\"}");
    }

    @Test
    void anInstantIsWrittenInUtcWhateverTheDefaultTimeZone() {
        var zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            assertThat(written(Instant.parse("2020-01-01T00:00:00.005Z")))
                    .isEqualTo("{\"createdAt\":\"2020-01-01T00:00:00.005Z\"}");
        } finally {
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void nullsAreWrittenNotLeftOut() {
        String body = new String(Json.write(new Responses.ProfileEnvelope(
                new Responses.ProfileBody("jake", null, null, false))), StandardCharsets.UTF_8);

        assertThat(body).isEqualTo(
                "{\"profile\":{\"username\":\"jake\",\"bio\":null,\"image\":null,\"following\":false}}");
    }

    private static String written(Instant instant) {
        return new String(Json.write(new Stamped(instant)), StandardCharsets.UTF_8);
    }
}
