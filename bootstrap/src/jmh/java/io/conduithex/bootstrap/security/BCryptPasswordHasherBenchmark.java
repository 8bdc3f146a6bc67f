package io.conduithex.bootstrap.security;

import io.conduithex.domain.user.Password;
import io.conduithex.domain.user.PasswordHash;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a password costs: {@code hash} is paid by registration and password changes, {@code matches} by every
 * login. Each cost step doubles the work; 10 is the server's default ({@code BCRYPT_COST}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BCryptPasswordHasherBenchmark {
    @Param({"4", "8", "10"})
    public int cost;

    private BCryptPasswordHasher hasher;
    private final Password password = new Password("correct horse battery staple");
    private PasswordHash stored;

    @Setup
    public void hashOnce() {
        hasher = new BCryptPasswordHasher(cost);
        stored = hasher.hash(password);
        if (!hasher.matches(password, stored)) {
            throw new IllegalStateException("a fresh hash does not match its password");
        }
    }

    @Benchmark
    public PasswordHash hash() {
        return hasher.hash(password);
    }

    @Benchmark
    public boolean matches() {
        return hasher.matches(password, stored);
    }
}
