package org.warroom.dashboard.sso;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.warroom.contracts.account.Role;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.config.Settings;

/**
 * Single sign-on through a state's OpenID Connect provider (docs/SECURITY.md, "Single sign-on"), off unless
 * {@code oidc.issuer} is set: the issuer (its discovery document is read at start), {@code oidc.client.id},
 * {@code oidc.client.secret} (a secret: from the environment or a {@code _FILE}), {@code oidc.redirect.url} (this
 * dashboard's {@code /auth/oidc/callback} as the browser reaches it), {@code oidc.name} (shown on the button),
 * {@code oidc.scopes}, and how claims become a warroom user: {@link ClaimRules}.
 */
public record OidcSettings(URI issuer, String clientId, String clientSecret, URI redirectUrl, String name,
                           List<String> scopes, ClaimRules claims) {

    /** The provider's settings, or empty when single sign-on is not configured. */
    public static Optional<OidcSettings> from(Settings settings) {
        Optional<String> issuer = settings.find("oidc.issuer").filter(s -> !s.isBlank());
        if (issuer.isEmpty()) {
            return Optional.empty();
        }
        URI redirect = uri(settings.require("oidc.redirect.url"), "oidc.redirect.url");
        if (!redirect.getPath().endsWith(OidcRoutes.CALLBACK)) {
            throw new ConfigException("oidc.redirect.url", "must end with " + OidcRoutes.CALLBACK + " (this dashboard's callback)");
        }
        List<String> scopes = Arrays.stream(settings.get("oidc.scopes", "openid profile email").split("[\\s,]+"))
                .filter(s -> !s.isBlank()).toList();
        if (!scopes.contains("openid")) {
            throw new ConfigException("oidc.scopes", "must include openid");
        }
        return Optional.of(new OidcSettings(uri(issuer.get(), "oidc.issuer"), settings.require("oidc.client.id"),
                settings.require("oidc.client.secret"), redirect, settings.get("oidc.name", "single sign-on"), scopes,
                new ClaimRules(settings.get("oidc.claim.username", "preferred_username"),
                        settings.get("oidc.claim.roles", "roles"), roleTable(settings.require("oidc.roles")),
                        settings.get("oidc.claim.districts", "districts"), settings.get("oidc.claim.states", "states"),
                        settings.get("oidc.username.prefix", ""))));
    }

    private static URI uri(String value, String key) {
        try {
            URI uri = new URI(value.strip());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigException(key, "must be an http(s) URL, was " + value);
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new ConfigException(key, "is not a URL: " + e.getMessage());
        }
    }

    /**
     * {@code oidc.roles}: claim value to warroom role, in order of precedence ({@code district-collector=commander,
     * state-control-room=operator}); the first entry whose value the user's role claim holds gives the role.
     */
    static Map<String, Role> roleTable(String text) {
        Map<String, Role> table = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.lastIndexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new ConfigException("oidc.roles", "write claim-value=role, comma separated; not " + entry.strip());
            }
            String value = entry.substring(0, eq).strip();
            String roleText = entry.substring(eq + 1).strip();
            Role role = Role.parse(roleText).filter(r -> r != Role.DISPLAY && r != Role.OFFICER)
                    .orElseThrow(() -> new ConfigException("oidc.roles", "unknown role " + roleText
                            + " for " + value + " (operator, commander, responder, admin, agent or supervisor)"));
            table.put(value, role);
        }
        if (table.isEmpty()) {
            throw new ConfigException("oidc.roles", "name at least one claim value and its role");
        }
        return java.util.Collections.unmodifiableMap(table);
    }

    @Override
    public String toString() {
        return "OidcSettings[" + issuer + ", client " + clientId + ", secret hidden]";
    }
}
