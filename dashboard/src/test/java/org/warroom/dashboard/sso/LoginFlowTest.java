package org.warroom.dashboard.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LoginFlowTest {
    @Test
    @DisplayName("the flow survives its cookie, and its S256 challenge is the verifier's SHA-256 (RFC 7636)")
    void shouldRoundTripAndChallenge() throws Exception {
        LoginFlow flow = LoginFlow.start("/district/188?tab=calls");
        assertThat(LoginFlow.fromCookie(flow.cookieValue())).contains(flow);
        assertThat(flow.verifier()).hasSizeBetween(43, 128).matches("[A-Za-z0-9_-]+");
        assertThat(flow.state()).isNotEqualTo(flow.nonce());
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(flow.verifier().getBytes(StandardCharsets.US_ASCII)));
        assertThat(flow.challenge()).isEqualTo(expected);
    }

    @Test
    @DisplayName("only a local path is returned to; anything else goes home")
    void shouldKeepOnlyLocalPaths() {
        assertThat(LoginFlow.localPath("/india")).isEqualTo("/india");
        assertThat(LoginFlow.localPath("//evil.example")).isEqualTo("/");
        assertThat(LoginFlow.localPath("/\\evil.example")).isEqualTo("/");
        assertThat(LoginFlow.localPath("https://evil.example")).isEqualTo("/");
        assertThat(LoginFlow.localPath(null)).isEqualTo("/");
        assertThat(LoginFlow.fromCookie("a.b")).isEmpty();
        assertThat(LoginFlow.fromCookie(null)).isEmpty();
    }
}
