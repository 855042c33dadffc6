package org.warroom.contracts.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.reference.DistrictDirectory;

class RoutingTableTest {
    @Test
    @DisplayName("shipped table: ration → Food and Civil Supplies, wages → Labour, medicine → Health; 'other' → the routing desk")
    void shouldRouteByTheDefaultTable() {
        RoutingTable table = RoutingTable.defaults();
        assertThat(table.route("ration", "396")).isEqualTo("Food and Civil Supplies");
        assertThat(table.route("wages", "212")).isEqualTo("Labour");
        assertThat(table.route("medicine", "396")).isEqualTo("Health");
        assertThat(table.route("other", "396")).isEqualTo(RoutingTable.ROUTING_DESK);
    }

    @Test
    @DisplayName("a district's own rule wins over the rule for every district, whatever their order")
    void shouldPreferTheDistrictRule() {
        RoutingTable table = new RoutingTable(List.of(new RoutingRule("water", "*", "Public Health Engineering"),
                new RoutingRule("water", "396", "Bhopal Municipal Corporation")), null, "admin");
        assertThat(table.route("water", "396")).isEqualTo("Bhopal Municipal Corporation");
        assertThat(table.route("water", "410")).isEqualTo("Public Health Engineering");
        assertThat(table.route("ration", "410")).isEqualTo(RoutingTable.ROUTING_DESK);
    }

    @Test
    @DisplayName("rules from an administrator: unknown category or district, empty department, duplicates → the item's field")
    void shouldNameTheWrongItem() {
        DistrictDirectory d = DistrictDirectory.load();
        assertThat(RoutingTable.check(List.of(new RoutingRule(" Ration ", "396", " Food ")), d))
                .containsExactly(new RoutingRule("ration", "396", "Food"));
        assertThatThrownBy(() -> RoutingTable.check(List.of(new RoutingRule("ration", "*", "A"),
                new RoutingRule("rice", "*", "B")), d))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("items[1].category"));
        assertThatThrownBy(() -> RoutingTable.check(List.of(new RoutingRule("ration", "99999", "A")), d))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("items[0].district"));
        assertThatThrownBy(() -> RoutingTable.check(List.of(new RoutingRule("ration", "*", " ")), d))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("items[0].department"));
        assertThatThrownBy(() -> RoutingTable.check(List.of(new RoutingRule("ration", "*", "A"),
                new RoutingRule("ration", "*", "B")), d))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.reason()).contains("second rule"));
    }
}
