package io.conduithex.domain.user;

import static io.conduithex.domain.validation.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/jake.png", "http://example.com/a/b.jpg?size=2",
                            "HTTPS://Example.com/x.png", "https://static.productionready.io/images/smiley-cyrus.jpg"})
    void absoluteHttpAndHttpsUrlsAreAccepted(String url) {
        assertThat(new ImageUrl(url).value()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/a.png", "/images/jake.png", "jake.png", "javascript:alert(1)",
                            "data:image/png;base64,AAAA", "http:///no-host.png", "https://exa mple.com/a.png",
                            "file:///etc/passwd", "//example.com/a.png"})
    void anythingElseIsRejected(String url) {
        assertRejected(() -> new ImageUrl(url), "must be an http or https URL");
    }
}
