package io.conduithex.adapter.web;

import io.conduithex.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The bearer token work of every authenticated request ({@link TokenService#verify}: HS256 signature, issuer and
 * claims) and of every login or registration ({@link TokenService#issue}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenServiceBenchmark {
    private TokenService tokens;
    private String token;
    private final UserId user = new UserId(4_711);

    @Setup
    public void issueOne() {
        tokens = new TokenService("jmh-secret-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8),
                TokenService.DEFAULT_LIFETIME);
        token = tokens.issue(user);
        if (!tokens.verify(token).equals(user)) {
            throw new IllegalStateException("the token does not name the user it was issued for");
        }
    }

    @Benchmark
    public UserId verify() {
        return tokens.verify(token);
    }

    @Benchmark
    public String issue() {
        return tokens.issue(user);
    }
}
