package org.warroom.dashboard.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.account.Role;
import org.warroom.contracts.config.ConfigException;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.StateDirectory;

class ClaimMappingTest {
    private static final DistrictDirectory DISTRICTS = DistrictDirectory.load();
    private static final StateDirectory STATES = StateDirectory.load();
    private final ClaimMapping mapping = new ClaimMapping(new ClaimRules("preferred_username", "groups",
            OidcSettings.roleTable("state-admins=admin, district-collector=commander,state-control-room=operator"),
            "lgd_districts", "lgd_states", ""), DISTRICTS, STATES);

    private static JsonObject claims(String name, Object groups) {
        return new JsonObject().put("sub", "f81d4fae").put("preferred_username", name).put("groups", groups);
    }

    @Test
    @DisplayName("a role claim value in the table gives its role and the district claim the commander's scope")
    void shouldMapCommanderWithDistricts() {
        ClaimMapping.Outcome outcome = mapping.map(claims("Collector.Asha", new JsonArray().add("x").add("district-collector"))
                .put("lgd_districts", new JsonArray().add("188")));
        assertThat(outcome).isEqualTo(new ClaimMapping.Mapped("f81d4fae", "collector.asha", Role.COMMANDER,
                java.util.List.of("188"), java.util.List.of()));
    }

    @Test
    @DisplayName("the first table entry the user holds wins (admin before commander), and a single string claim counts")
    void shouldTakeFirstMatchInTableOrder() {
        assertThat(((ClaimMapping.Mapped) mapping.map(claims("boss", new JsonArray().add("district-collector")
                .add("state-admins")).put("lgd_districts", "188"))).role()).isEqualTo(Role.ADMIN);
        ClaimMapping.Mapped operator = (ClaimMapping.Mapped) mapping.map(claims("ravi", "state-control-room")
                .put("lgd_states", "10"));
        assertThat(operator.role()).isEqualTo(Role.OPERATOR);
        assertThat(operator.states()).containsExactly("10");
    }

    @Test
    @DisplayName("claims that give no role, a commander without district, unknown codes or a bad name are refused with the claim named")
    void shouldRefuseWithReason() {
        assertThat(mapping.map(claims("meena", new JsonArray().add("canteen"))))
                .isInstanceOfSatisfying(ClaimMapping.Refused.class, r -> assertThat(r.reason()).contains("groups"));
        assertThat(mapping.map(claims("meena", null)))
                .isInstanceOfSatisfying(ClaimMapping.Refused.class, r -> assertThat(r.reason()).contains("groups"));
        assertThat(mapping.map(claims("asha", "district-collector")))
                .isInstanceOfSatisfying(ClaimMapping.Refused.class, r -> assertThat(r.reason()).contains("lgd_districts"));
        assertThat(mapping.map(claims("asha", "district-collector").put("lgd_districts", "99999")))
                .isInstanceOfSatisfying(ClaimMapping.Refused.class, r -> assertThat(r.reason()).contains("99999"));
        assertThat(mapping.map(claims("ravi", "state-control-room").put("lgd_states", "77")))
                .isInstanceOfSatisfying(ClaimMapping.Refused.class, r -> assertThat(r.reason()).contains("77"));
        assertThat(mapping.map(claims("a b@example.org", "state-admins")))
                .isInstanceOfSatisfying(ClaimMapping.Refused.class, r -> assertThat(r.reason()).contains("preferred_username"));
    }

    @Test
    @DisplayName("a dotted claim name reads a nested claim (Keycloak's realm_access.roles)")
    void shouldReadNestedClaim() {
        ClaimMapping nested = new ClaimMapping(new ClaimRules("email", "realm_access.roles",
                OidcSettings.roleTable("state-control-room=operator"), "districts", "states", "sso-"), DISTRICTS, STATES);
        JsonObject claims = new JsonObject().put("sub", "s").put("email", "ravi")
                .put("realm_access", new JsonObject().put("roles", new JsonArray().add("state-control-room")));
        assertThat(nested.map(claims)).isEqualTo(new ClaimMapping.Mapped("s", "sso-ravi", Role.OPERATOR,
                java.util.List.of(), java.util.List.of()));
    }

    @Test
    @DisplayName("the role table must name known roles; a wall display's role is never granted")
    void shouldValidateRoleTable() {
        assertThatThrownBy(() -> OidcSettings.roleTable("a=chief")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("chief");
        assertThatThrownBy(() -> OidcSettings.roleTable("a=display")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> OidcSettings.roleTable("novalue")).isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> OidcSettings.roleTable(" , ")).isInstanceOf(ConfigException.class);
    }
}
