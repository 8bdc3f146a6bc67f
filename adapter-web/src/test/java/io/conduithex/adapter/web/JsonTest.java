package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
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
    void theHandWrittenFormatAgreesWithTheIsoPatternOverTheWholeRangeOfYears() {
        var pattern = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        var random = new Random(20261123);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            var instant = Instant.ofEpochSecond(first + (long) (random.nextDouble() * (last - first)),
                    random.nextInt(1_000_000_000));
            assertThat(Json.InstantMillisSerializer.format(instant)).isEqualTo(pattern.format(instant));
        }
        for (String edge : List.of("0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "1969-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z", "2024-02-29T12:00:00.001Z")) {
            var instant = Instant.parse(edge);
            assertThat(Json.InstantMillisSerializer.format(instant)).isEqualTo(pattern.format(instant));
        }
    }

    @Test
    void yearsBeyondFourDigitsAreStillWritten() {
        var instant = Instant.parse("+10000-01-01T00:00:00Z");
        assertThat(Json.InstantMillisSerializer.format(instant)).isEqualTo("+10000-01-01T00:00:00.000Z");
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
