package org.warroom.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.dashboard.api.MutableClock;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock();

    @Test
    @DisplayName("an address is throttled after its failures, across usernames; a success gives its attempt back")
    void shouldThrottlePerAddressAcrossUsers() {
        LoginThrottle throttle = new LoginThrottle(new LoginLimits(100, 3, Duration.ofMinutes(5)), clock);
        assertThat(throttle.attempt("a", "10.0.0.1")).isEmpty();
        assertThat(throttle.attempt("b", "10.0.0.1")).isEmpty();
        throttle.succeeded("b", "10.0.0.1");
        assertThat(throttle.attempt("c", "10.0.0.1")).isEmpty();
        assertThat(throttle.attempt("d", "10.0.0.1")).isEmpty();
        assertThat(throttle.attempt("e", "10.0.0.1")).isPresent();
        assertThat(throttle.attempt("d", "10.0.0.2")).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(throttle.attempt("d", "10.0.0.1")).isEmpty();
    }

    @Test
    @DisplayName("a username is throttled after its failures from any address, case-insensitively")
    void shouldThrottlePerUsername() {
        LoginThrottle throttle = new LoginThrottle(new LoginLimits(2, 100, Duration.ofMinutes(5)), clock);
        assertThat(throttle.attempt("Ravi", "10.0.0.1")).isEmpty();
        assertThat(throttle.attempt("ravi", "10.0.0.2")).isEmpty();
        assertThat(throttle.attempt("RAVI", "10.0.0.3")).hasValueSatisfying(d -> assertThat(d).isPositive());
    }
}
