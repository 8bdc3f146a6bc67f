package io.conduithex.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.validation.ValidationException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestBodyTest {

    @Test
    void aUtf8BodyIsReadWithItsEmojiIntact() {
        var user = RequestBody.wrapped(utf8("{\"user\":{\"bio\":\"I \uD83D\uDC09 dragons\"}}"), "user");

        assertThat(user.get("bio").textValue()).isEqualTo("I \uD83D\uDC09 dragons");
    }

    @Test
    void aByteOrderMarkInFrontIsIgnored() {
        byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("{\"user\":{\"bio\":\"x\"}}"));

        assertThat(RequestBody.wrapped(body, "user").get("bio").textValue()).isEqualTo("x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C0AF", "C080", "EDA080", "F4908080", "80", "FF", "C328", "F09F98"})
    void bytesThatAreNotUtf8AreRefusedAsSuch(String hex) {
        byte[] body = concat(utf8("{\"user\":{\"bio\":\""), hex(hex), utf8("\"}}"));

        assertRefused(body, Map.of("body", List.of("is not valid UTF-8")));
    }

    @Test
    void aBodyInUtf16IsRefusedEvenThoughJacksonCouldGuessIt() {
        assertRefused("{\"user\":{\"bio\":\"x\"}}".getBytes(StandardCharsets.UTF_16),
                Map.of("body", List.of("is not valid UTF-8")));
        assertRefused("{\"user\":{\"bio\":\"x\"}}".getBytes(StandardCharsets.UTF_16LE),
                Map.of("body", List.of("is not valid JSON")));
        assertRefused("{\"user\":{\"bio\":\"x\"}}".getBytes(Charset.forName("UTF-32BE")),
                Map.of("body", List.of("is not valid JSON")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud83d", "x\\ude00", "\\ude00\\ud83d", "\\ud83d\\ud83d"})
    void textWithAnUnpairedSurrogateIsRefusedByField(String escaped) {
        assertRefused(utf8("{\"user\":{\"bio\":\"" + escaped + "\",\"image\":\"fine\"}}"),
                Map.of("bio", List.of("can't contain an unpaired surrogate")));
    }

    @Test
    void anUnpairedSurrogateInsideAnArrayIsFoundToo() {
        assertRefused(utf8("{\"article\":{\"tagList\":[\"ok\",\"\\ud83d\"]}}"), "article",
                Map.of("tagList", List.of("can't contain an unpaired surrogate")));
    }

    @Test
    void aPairedSurrogateWrittenAsEscapesIsAccepted() {
        var user = RequestBody.wrapped(utf8("{\"user\":{\"bio\":\"\\ud83d\\udc09\"}}"), "user");

        assertThat(user.get("bio").textValue()).isEqualTo("\uD83D\uDC09");
    }

    private static void assertRefused(byte[] body, Map<String, List<String>> errors) {
        assertRefused(body, "user", errors);
    }

    private static void assertRefused(byte[] body, String wrapper, Map<String, List<String>> errors) {
        assertThatThrownBy(() -> RequestBody.wrapped(body, wrapper))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().asMap()).isEqualTo(errors));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
