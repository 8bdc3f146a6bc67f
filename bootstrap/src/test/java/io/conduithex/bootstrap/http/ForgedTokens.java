package io.conduithex.bootstrap.http;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import io.conduithex.bootstrap.testkit.TestApplication;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Authorization header values that must never let a request through, each named for the report: absent and
 * malformed headers, garbage, unsigned and re-signed tokens, tampered ones, expired ones, and a correctly
 * signed token for a user who does not exist. Apart from the one flaw each is named for, every token carries
 * the claims a real one has (issuer, subject, issued-at, expiry), signed with the test application's secret.
 */
final class ForgedTokens {
    static final String MISSING = "is missing";
    static final String MALFORMED = "is malformed (expected 'Authorization: Token <jwt>')";
    static final String INVALID = "is invalid";
    static final String EXPIRED = "has expired";

    /**
     * @param name      what is wrong with it
     * @param header    the Authorization header value; null sends no header
     * @param anonymous whether the application reads it as "no token" (so where authentication is optional the
     *                  request is simply anonymous, and not a hostile case)
     * @param message   what the application says about the {@code token} field
     */
    record Credential(String name, String header, boolean anonymous, String message) {
    }

    private ForgedTokens() {
    }

    /**
     * @param realToken    a token the application issued to {@code userId}, to copy its claims and tamper with
     * @param otherToken   a token the application issued to someone else
     * @param absentUserId an id no user has
     */
    static List<Credential> all(String realToken, String otherToken, long userId, long absentUserId) {
        var real = JWT.decode(realToken);
        String issuer = real.getIssuer();
        Algorithm right = Algorithm.HMAC256(TestApplication.JWT_SECRET.getBytes(StandardCharsets.UTF_8));
        Instant now = Instant.now();
        String[] parts = realToken.split("\\.");
        String[] others = otherToken.split("\\.");
        String noneHeader = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");

        var all = new ArrayList<Credential>();
        all.add(new Credential("no Authorization header", null, true, MISSING));
        all.add(new Credential("an empty Authorization header", "", true, MISSING));
        all.add(new Credential("the Token scheme with nothing after it", "Token ", false, MALFORMED));
        all.add(new Credential("Basic credentials", "Basic amFrZTpqYWtlamFrZQ==", false, MALFORMED));
        all.add(new Credential("a valid JWT without a scheme", realToken, false, MALFORMED));
        all.add(new Credential("a valid JWT under an unknown scheme", "JWT " + realToken, false, MALFORMED));
        all.add(new Credential("the Token scheme twice", "Token Token " + realToken, false, INVALID));
        all.add(new Credential("garbage", "Token garbage", false, INVALID));
        all.add(new Credential("garbage under Bearer", "Bearer not.a.jwt", false, INVALID));
        all.add(new Credential("three empty segments", "Token ..", false, INVALID));
        all.add(new Credential("whitespace inside the JWT", "Token " + parts[0] + "." + parts[1] + " ." + parts[2],
                false, INVALID));
        all.add(new Credential("alg none signed by java-jwt",
                "Token " + claims(issuer, userId, now).sign(Algorithm.none()), false, INVALID));
        all.add(new Credential("alg none with the real payload and no signature",
                "Token " + noneHeader + "." + parts[1] + ".", false, INVALID));
        all.add(new Credential("alg none with the real payload and the real signature",
                "Token " + noneHeader + "." + parts[1] + "." + parts[2], false, INVALID));
        all.add(new Credential("the real header and payload without the signature",
                "Token " + parts[0] + "." + parts[1] + ".", false, INVALID));
        all.add(new Credential("the signature of another user's token",
                "Token " + others[0] + "." + others[1] + "." + parts[2], false, INVALID));
        all.add(new Credential("a payload rewritten to name another user", "Token " + parts[0] + "."
                + base64(decode(parts[1]).replace("\"sub\":\"" + userId + "\"", "\"sub\":\"" + (userId + 1) + "\""))
                + "." + parts[2], false, INVALID));
        all.add(new Credential("a flipped signature character",
                "Token " + parts[0] + "." + parts[1] + "." + flipFirst(parts[2]), false, INVALID));
        all.add(new Credential("a truncated signature",
                "Token " + realToken.substring(0, realToken.length() - 4), false, INVALID));
        all.add(new Credential("a trailing fourth segment", "Token " + realToken + ".e30", false, INVALID));
        all.add(new Credential("a JWT signed with another secret", "Token " + claims(issuer, userId, now)
                .sign(Algorithm.HMAC256("some-other-secret-that-is-32-bytes-long")), false, INVALID));
        all.add(new Credential("a JWT signed with HS512 and the right secret", "Token " + claims(issuer, userId, now)
                .sign(Algorithm.HMAC512(TestApplication.JWT_SECRET.getBytes(StandardCharsets.UTF_8))), false, INVALID));
        all.add(new Credential("a JWT that expired sixty days ago", "Token " + claims(issuer, userId, now)
                .withIssuedAt(now.minus(Duration.ofDays(90))).withExpiresAt(now.minus(Duration.ofDays(60)))
                .sign(right), false, EXPIRED));
        all.add(new Credential("a JWT that expired a second ago", "Token " + claims(issuer, userId, now)
                .withIssuedAt(now.minus(Duration.ofHours(1))).withExpiresAt(now.minusSeconds(1))
                .sign(right), false, EXPIRED));
        all.add(new Credential("a JWT issued tomorrow", "Token " + claims(issuer, userId, now)
                .withIssuedAt(now.plus(Duration.ofDays(1))).withExpiresAt(now.plus(Duration.ofDays(2)))
                .sign(right), false, INVALID));
        all.add(new Credential("a JWT not valid before tomorrow", "Token " + claims(issuer, userId, now)
                .withNotBefore(now.plus(Duration.ofDays(1))).sign(right), false, INVALID));
        all.add(new Credential("a JWT from another issuer", "Token " + claims("someone-else", userId, now)
                .sign(right), false, INVALID));
        all.add(new Credential("a JWT without an expiry", "Token " + JWT.create().withIssuer(issuer)
                .withSubject(Long.toString(userId)).withIssuedAt(now).sign(right), false, INVALID));
        all.add(new Credential("a JWT without a subject", "Token " + JWT.create().withIssuer(issuer)
                .withIssuedAt(now).withExpiresAt(now.plus(Duration.ofDays(1))).sign(right), false, INVALID));
        all.add(new Credential("a JWT whose subject is a username", "Token " + claims(issuer, userId, now)
                .withSubject("jake").sign(right), false, INVALID));
        all.add(new Credential("a JWT whose subject is negative", "Token " + claims(issuer, userId, now)
                .withSubject("-1").sign(right), false, INVALID));
        all.add(new Credential("a JWT whose subject overflows a long", "Token " + claims(issuer, userId, now)
                .withSubject("99999999999999999999").sign(right), false, INVALID));
        all.add(new Credential("a correctly signed JWT for a user that does not exist",
                "Token " + claims(issuer, absentUserId, now).sign(right), false, INVALID));
        return all;
    }

    private static JWTCreator.Builder claims(String issuer, long userId, Instant now) {
        return JWT.create()
                .withIssuer(issuer)
                .withSubject(Long.toString(userId))
                .withIssuedAt(now.minusSeconds(60))
                .withExpiresAt(now.plus(Duration.ofDays(1)));
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String segment) {
        return new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
    }

    private static String flipFirst(String segment) {
        char first = segment.charAt(0);
        return (first == 'A' ? 'B' : 'A') + segment.substring(1);
    }
}
