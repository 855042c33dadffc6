package org.warroom.contracts.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.warroom.contracts.event.Channel;
import org.warroom.contracts.event.CitizenMessage;
import org.warroom.contracts.reference.District;
import org.warroom.contracts.reference.DistrictDirectory;
import org.warroom.contracts.reference.DistrictRecognizer;
import org.warroom.contracts.reference.PlaceSuggestions;
import org.warroom.contracts.reference.StateDirectory;
import org.warroom.contracts.triage.TriageRefused.Reason;

/** Placing unplaced messages and learning aliases from them: the rules, on the shipped district table. */
class TriageDomainTest {
    private static final DistrictDirectory DISTRICTS = DistrictDirectory.load();
    private static final StateDirectory STATES = StateDirectory.load();
    private static final District BHOPAL = DISTRICTS.byCode("396").orElseThrow();
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-07T10:15:00+05:30");
    private static final CitizenMessage UNPLACED = new CitizenMessage("m-1", Channel.SMS, "+919876543210",
            "bhpoal me doodh nahi mil raha", AT, null, "hi", CitizenMessage.DISTRICT_UNKNOWN, List.of(), null, "sms");

    @Test
    @DisplayName("the recogniser does not place 'bhpoal', the suggestions offer Bhopal with the words as written")
    void shouldSuggestNearDistrictForUnknownSpelling() {
        assertThat(DistrictRecognizer.load().recognize(UNPLACED.text())).isEmpty();
        List<PlaceSuggestions.Suggestion> s = new PlaceSuggestions(DISTRICTS, STATES).suggest(UNPLACED.text(), 5);
        assertThat(s).isNotEmpty();
        assertThat(s.get(0).district().code()).isEqualTo("396");
        assertThat(s.get(0).spelling()).isEqualTo("bhpoal");
        assertThat(s.get(0).named()).isFalse();
        assertThat(s).extracting(x -> x.district().code()).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(5);
    }

    @Test
    @DisplayName("an ambiguous name is suggested with every district it can mean")
    void shouldSuggestEveryDistrictOfAnAmbiguousName() {
        List<PlaceSuggestions.Suggestion> s = new PlaceSuggestions(DISTRICTS, STATES)
                .suggest("Aurangabad mein paani nahi", 5);
        assertThat(s).filteredOn(PlaceSuggestions.Suggestion::named).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(x -> assertThat(x.spelling()).isEqualTo("Aurangabad"));
    }

    @Test
    @DisplayName("a placement is version 1 and names words of the message; the placed message keeps id, time and text")
    void shouldPlaceOnce() {
        Placement p = PlacementRules.place(UNPLACED, null, 0, BHOPAL, " bhpoal ", "op", AT);
        assertThat(p).isEqualTo(new Placement("m-1", "396", "bhpoal", "op", AT, 1));
        CitizenMessage placed = UNPLACED.placedIn("396");
        assertThat(placed.placed()).isTrue();
        assertThat(placed.unlocated()).isFalse();
        assertThat(placed.id()).isEqualTo(UNPLACED.id());
        assertThat(placed.at()).isEqualTo(UNPLACED.at());
        assertThat(placed.text()).isEqualTo(UNPLACED.text());
        assertThat(placed.districtSource()).isEqualTo(CitizenMessage.DISTRICT_ASSIGNED);
    }

    @Test
    @DisplayName("placing a placed message again, or naming a version other than 0, is stale with the current version")
    void shouldRefuseSecondPlacement() {
        Placement first = PlacementRules.place(UNPLACED, null, 0, BHOPAL, null, "op1", AT);
        assertThatThrownBy(() -> PlacementRules.place(UNPLACED, first, 0, BHOPAL, null, "op2", AT))
                .isInstanceOfSatisfying(TriageRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.STALE);
                    assertThat(e.currentVersion()).isEqualTo(1);
                    assertThat(e.current()).isEqualTo(first);
                });
        assertThatThrownBy(() -> PlacementRules.place(UNPLACED, null, 3, BHOPAL, null, "op2", AT))
                .isInstanceOfSatisfying(TriageRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.STALE));
    }

    @Test
    @DisplayName("a message with a district is not placed (422); a spelling not in the message is refused (400)")
    void shouldRefuseLocatedMessageAndForeignSpelling() {
        assertThatThrownBy(() -> PlacementRules.place(UNPLACED.placedIn("396"), null, 0, BHOPAL, null, "op", AT))
                .isInstanceOfSatisfying(TriageRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED));
        assertThatThrownBy(() -> PlacementRules.place(UNPLACED, null, 0, BHOPAL, "indore", "op", AT))
                .isInstanceOfSatisfying(TriageRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID);
                    assertThat(e.field()).isEqualTo("spelling");
                });
    }

    @Test
    @DisplayName("a new spelling is proposed, repeated placements count up, a known name proposes nothing")
    void shouldProposeNewSpellingsOnly() {
        Placement p = new Placement("m-1", "396", "bhpoal", "op", AT, 1);
        AliasProposal first = AliasLearning.afterPlacement(p, null, DISTRICTS, AT).orElseThrow();
        assertThat(first).isEqualTo(new AliasProposal("bhpoal", "396", 1, AliasStatus.PROPOSED, null, AT, 1));
        assertThat(first.key()).isEqualTo("bhpoal|396");
        AliasProposal second = AliasLearning.afterPlacement(p, first, DISTRICTS, AT).orElseThrow();
        assertThat(second.placements()).isEqualTo(2);
        assertThat(second.version()).isEqualTo(2);
        assertThat(AliasLearning.afterPlacement(new Placement("m-2", "396", "Bhopal", "op", AT, 1), null, DISTRICTS, AT))
                .isEmpty();
        assertThat(AliasLearning.afterPlacement(new Placement("m-3", "396", null, "op", AT, 1), null, DISTRICTS, AT))
                .isEmpty();
    }

    @Test
    @DisplayName("an administrator decides once on the version seen; one spelling is accepted for one district only")
    void shouldDecideOnce() {
        AliasProposal proposed = new AliasProposal("bhpoal", "396", 2, AliasStatus.PROPOSED, null, AT, 2);
        AliasProposal accepted = AliasLearning.decide(proposed, AliasStatus.ACCEPTED, 2, "admin", AT, List.of(proposed));
        assertThat(accepted.status()).isEqualTo(AliasStatus.ACCEPTED);
        assertThat(accepted.version()).isEqualTo(3);
        assertThat(accepted.decidedBy()).isEqualTo("admin");
        assertThatThrownBy(() -> AliasLearning.decide(accepted, AliasStatus.REJECTED, 3, "admin2", AT, List.of()))
                .isInstanceOfSatisfying(TriageRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.STALE));
        assertThatThrownBy(() -> AliasLearning.decide(proposed, AliasStatus.ACCEPTED, 1, "admin", AT, List.of()))
                .isInstanceOfSatisfying(TriageRefused.class, e -> assertThat(e.currentVersion()).isEqualTo(2));
        AliasProposal elsewhere = new AliasProposal("Bhpoal", "397", 1, AliasStatus.PROPOSED, null, AT, 1);
        assertThatThrownBy(() -> AliasLearning.decide(elsewhere, AliasStatus.ACCEPTED, 1, "admin", AT, List.of(accepted)))
                .isInstanceOfSatisfying(TriageRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_ALLOWED));
    }

    @Test
    @DisplayName("accepted aliases reach the recogniser: 'bhpoal' then places the message in Bhopal")
    void shouldRecogniseAcceptedAlias() {
        AliasProposal accepted = new AliasProposal("bhpoal", "396", 2, AliasStatus.ACCEPTED, "admin", AT, 3);
        AliasProposal rejected = new AliasProposal("doodh", "397", 1, AliasStatus.REJECTED, "admin", AT, 2);
        DistrictDirectory learned = LearnedAliases.apply(DISTRICTS, List.of(accepted, rejected));
        DistrictRecognizer recognizer = new DistrictRecognizer(learned, STATES);
        assertThat(recognizer.recognize(UNPLACED.text()).orElseThrow().district().code()).isEqualTo("396");
        assertThat(learned.size()).isEqualTo(DISTRICTS.size());
        assertThat(learned.byCode("397").orElseThrow().aliases()).doesNotContain("doodh");
    }
}
