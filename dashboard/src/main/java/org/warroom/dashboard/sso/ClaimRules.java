package org.warroom.dashboard.sso;

import java.util.Map;
import org.warroom.contracts.account.Role;

/**
 * How an ID token's claims become a warroom user, all from configuration.
 *
 * @param username  the claim naming the user ({@code oidc.claim.username}, default {@code preferred_username})
 * @param roles     the claim holding the user's roles or groups, a string or a list ({@code oidc.claim.roles})
 * @param roleTable claim value to role, first match wins ({@code oidc.roles})
 * @param districts the claim holding LGD district codes ({@code oidc.claim.districts})
 * @param states    the claim holding LGD state codes ({@code oidc.claim.states})
 * @param prefix    put before the claimed name to make the warroom username ({@code oidc.username.prefix})
 */
public record ClaimRules(String username, String roles, Map<String, Role> roleTable, String districts, String states,
                         String prefix) {
}
